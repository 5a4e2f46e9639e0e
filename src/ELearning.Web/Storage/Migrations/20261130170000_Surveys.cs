using ELearning.Web.Analysis;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ELearning.Web.Storage.Migrations;

/// <summary>End-of-course surveys: who has answered (to refuse a second submission) and the anonymous answers, apart.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130170000_Surveys")]
internal sealed class Surveys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SurveyParticipants",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                UserId = table.Column<string>(nullable: false),
                CourseSlug = table.Column<string>(maxLength: AppDbContext.SlugLength, nullable: false),
                SurveyId = table.Column<string>(maxLength: AppDbContext.SlugLength, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SurveyParticipants", x => x.Id);
                table.ForeignKey("FK_SurveyParticipants_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(
            "IX_SurveyParticipants_UserId_CourseSlug_SurveyId", "SurveyParticipants", ["UserId", "CourseSlug", "SurveyId"], unique: true);

        migrationBuilder.CreateTable(
            name: "SurveyAnswers",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                CourseSlug = table.Column<string>(maxLength: AppDbContext.SlugLength, nullable: false),
                SurveyId = table.Column<string>(maxLength: AppDbContext.SlugLength, nullable: false),
                CohortId = table.Column<int>(nullable: true),
                ItemId = table.Column<string>(maxLength: SurveyAnswer.ItemIdLength, nullable: false),
                Value = table.Column<int>(nullable: true),
                Text = table.Column<string>(maxLength: Content.Surveys.Survey.MaxTextLength, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                table.ForeignKey("FK_SurveyAnswers_Cohorts_CohortId", x => x.CohortId, "Cohorts", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SurveyAnswers_CohortId_CourseSlug_SurveyId", "SurveyAnswers", ["CohortId", "CourseSlug", "SurveyId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SurveyAnswers");
        migrationBuilder.DropTable("SurveyParticipants");
    }
}
