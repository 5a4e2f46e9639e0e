using ELearning.Web.Audit;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ELearning.Web.Storage.Migrations;

/// <summary>Trainers' accommodations and overrides per learner and module: extra attempts, extended time, grade overrides.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130160000_AllowanceGrants")]
internal sealed class AllowanceGrants : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AllowanceGrants",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<string>(nullable: false),
                CourseSlug = table.Column<string>(maxLength: AppDbContext.SlugLength, nullable: false),
                ModuleSlug = table.Column<string>(maxLength: AppDbContext.SlugLength, nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                ExtraAttempts = table.Column<int>(nullable: false),
                TimeFactor = table.Column<decimal>(nullable: false),
                ExtraMinutes = table.Column<int>(nullable: false),
                GradePercent = table.Column<decimal>(nullable: true),
                GradePassed = table.Column<bool>(nullable: true),
                Reason = table.Column<string>(maxLength: AuditEntry.TextLength, nullable: false),
                GrantedById = table.Column<string>(maxLength: 64, nullable: false),
                GrantedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AllowanceGrants", x => x.Id);
                table.ForeignKey("FK_AllowanceGrants_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(
            "IX_AllowanceGrants_UserId_CourseSlug_ModuleSlug", "AllowanceGrants", ["UserId", "CourseSlug", "ModuleSlug"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("AllowanceGrants");
}
