using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ELearning.Web.Storage.Migrations;

/// <summary>
/// Knowledge-check answers store any kind of response (JSON) and a score; assessment attempts and their questions.
/// The answers table is rebuilt through a copy (SQLite cannot alter columns in place); the copy turns the old
/// space-separated option ids into the JSON form, so existing answers keep working.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123010000_Assessments")]
internal sealed class Assessments : Migration
{
    private static readonly string[] AnswerColumns =
        ["Id", "UserId", "CourseSlug", "ModuleSlug", "LessonSlug", "QuestionId", "ContentVersion", "Response", "Correct", "Score", "AnsweredAt"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "KnowledgeCheckAnswers_v1" AS
            SELECT "Id", "UserId", "CourseSlug", "ModuleSlug", "LessonSlug", "QuestionId", "ContentVersion",
                   '{"option":["' || replace("SelectedOptions", ' ', '","') || '"]}' AS "Response",
                   "Correct",
                   CASE WHEN "Correct" THEN 1 ELSE 0 END AS "Score",
                   "AnsweredAt"
            FROM "KnowledgeCheckAnswers"
            """);
        migrationBuilder.DropTable("KnowledgeCheckAnswers");
        migrationBuilder.CreateTable(
            name: "KnowledgeCheckAnswers",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<string>(nullable: false),
                CourseSlug = table.Column<string>(maxLength: AppDbContext.SlugLength, nullable: false),
                ModuleSlug = table.Column<string>(maxLength: AppDbContext.SlugLength, nullable: false),
                LessonSlug = table.Column<string>(maxLength: AppDbContext.SlugLength, nullable: false),
                QuestionId = table.Column<string>(maxLength: AppDbContext.SlugLength, nullable: false),
                ContentVersion = table.Column<string>(maxLength: AppDbContext.VersionLength, nullable: false),
                Response = table.Column<string>(maxLength: AppDbContext.ResponseLength, nullable: false),
                Correct = table.Column<bool>(nullable: false),
                Score = table.Column<decimal>(nullable: false),
                AnsweredAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_KnowledgeCheckAnswers", x => x.Id);
                table.ForeignKey("FK_KnowledgeCheckAnswers_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(
            "IX_KnowledgeCheckAnswers_UserId_CourseSlug_ModuleSlug_LessonSlug", "KnowledgeCheckAnswers",
            ["UserId", "CourseSlug", "ModuleSlug", "LessonSlug"]);
        var columns = string.Join(", ", AnswerColumns.Select(c => $"\"{c}\""));
        migrationBuilder.Sql($"""INSERT INTO "KnowledgeCheckAnswers" ({columns}) SELECT {columns} FROM "KnowledgeCheckAnswers_v1" """);
        migrationBuilder.DropTable("KnowledgeCheckAnswers_v1");

        migrationBuilder.CreateTable(
            name: "AssessmentAttempts",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<string>(nullable: false),
                CourseSlug = table.Column<string>(maxLength: AppDbContext.SlugLength, nullable: false),
                ModuleSlug = table.Column<string>(maxLength: AppDbContext.SlugLength, nullable: false),
                Number = table.Column<int>(nullable: false),
                ContentVersion = table.Column<string>(maxLength: AppDbContext.VersionLength, nullable: false),
                Status = table.Column<int>(nullable: false),
                Sequence = table.Column<long>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                Deadline = table.Column<DateTime>(nullable: true),
                SubmittedAt = table.Column<DateTime>(nullable: true),
                Expired = table.Column<bool>(nullable: false),
                PassMark = table.Column<decimal>(nullable: false),
                Review = table.Column<string>(maxLength: 32, nullable: false),
                QuestionsPerPage = table.Column<int>(nullable: false),
                MaxScore = table.Column<decimal>(nullable: false),
                Score = table.Column<decimal>(nullable: true),
                Percent = table.Column<decimal>(nullable: true),
                Passed = table.Column<bool>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AssessmentAttempts", x => x.Id);
                table.ForeignKey("FK_AssessmentAttempts_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AttemptQuestions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                AttemptId = table.Column<long>(nullable: false),
                Position = table.Column<int>(nullable: false),
                QuestionId = table.Column<string>(maxLength: AppDbContext.SlugLength, nullable: false),
                Definition = table.Column<string>(nullable: false),
                DisplayOrder = table.Column<string>(nullable: true),
                Response = table.Column<string>(maxLength: AppDbContext.ResponseLength, nullable: true),
                AnsweredAt = table.Column<DateTime>(nullable: true),
                Score = table.Column<decimal>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AttemptQuestions", x => x.Id);
                table.ForeignKey("FK_AttemptQuestions_AssessmentAttempts_AttemptId", x => x.AttemptId, "AssessmentAttempts", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            "IX_AssessmentAttempts_UserId_CourseSlug_ModuleSlug_Number", "AssessmentAttempts",
            ["UserId", "CourseSlug", "ModuleSlug", "Number"], unique: true);
        migrationBuilder.CreateIndex(
            "IX_AssessmentAttempts_OneInProgress", "AssessmentAttempts",
            ["UserId", "CourseSlug", "ModuleSlug"], unique: true, filter: "\"Status\" = 0");
        migrationBuilder.CreateIndex("IX_AttemptQuestions_AttemptId_Position", "AttemptQuestions", ["AttemptId", "Position"], unique: true);
        migrationBuilder.CreateIndex("IX_AttemptQuestions_AttemptId_QuestionId", "AttemptQuestions", ["AttemptId", "QuestionId"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Downgrading would lose assessment attempts; restore a backup instead.");
}
