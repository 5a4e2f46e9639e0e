using ELearning.Web.Audit;
using ELearning.Web.Certificates;
using ELearning.Web.Cohorts;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ELearning.Web.Storage.Migrations;

/// <summary>Issued certificates, training sessions (cohorts) with their trainers, members, days and attendance, and the audit log.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130100000_CertificatesCohortsAudit")]
internal sealed class CertificatesCohortsAudit : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Certificates",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Code = table.Column<string>(maxLength: Certificate.CodeLength, nullable: false),
                UserId = table.Column<string>(nullable: false),
                CourseSlug = table.Column<string>(maxLength: AppDbContext.SlugLength, nullable: false),
                ModuleSlug = table.Column<string>(maxLength: AppDbContext.SlugLength, nullable: false),
                Round = table.Column<int>(nullable: false),
                HolderName = table.Column<string>(maxLength: Certificate.TextLength, nullable: false),
                Title = table.Column<string>(maxLength: Certificate.TextLength, nullable: false),
                Hours = table.Column<decimal>(nullable: true),
                ScorePercent = table.Column<decimal>(nullable: true),
                IssuerName = table.Column<string>(maxLength: Certificate.TextLength, nullable: false),
                IssuerAddress = table.Column<string>(maxLength: Certificate.TextLength, nullable: true),
                SignatoryName = table.Column<string>(maxLength: Certificate.TextLength, nullable: true),
                SignatoryRole = table.Column<string>(maxLength: Certificate.TextLength, nullable: true),
                SignatureImage = table.Column<string>(maxLength: Certificate.TextLength, nullable: true),
                CompletedAt = table.Column<DateTime>(nullable: false),
                IssuedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: true),
                RevokedAt = table.Column<DateTime>(nullable: true),
                RevokedReason = table.Column<string>(maxLength: Certificate.TextLength, nullable: true),
                RevokedById = table.Column<string>(nullable: true),
                ReplacesId = table.Column<int>(nullable: true),
                StatusIndex = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Certificates", x => x.Id);
                table.ForeignKey("FK_Certificates_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Certificates_Code", "Certificates", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_Certificates_StatusIndex", "Certificates", "StatusIndex", unique: true);
        migrationBuilder.CreateIndex(
            "IX_Certificates_UserId_CourseSlug_ModuleSlug_Round", "Certificates", ["UserId", "CourseSlug", "ModuleSlug", "Round"], unique: true);

        migrationBuilder.CreateTable(
            name: "Cohorts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(maxLength: Cohort.NameLength, nullable: false),
                CourseSlug = table.Column<string>(maxLength: AppDbContext.SlugLength, nullable: false),
                ModuleSlugs = table.Column<string>(maxLength: 1000, nullable: false),
                StartsOn = table.Column<DateOnly>(nullable: false),
                EndsOn = table.Column<DateOnly>(nullable: false),
                Place = table.Column<string>(maxLength: Cohort.NameLength, nullable: false),
                Online = table.Column<bool>(nullable: false),
                Country = table.Column<string>(maxLength: 2, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Cohorts", x => x.Id));

        migrationBuilder.CreateTable(
            name: "CohortTrainers",
            columns: table => new
            {
                CohortId = table.Column<int>(nullable: false),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CohortTrainers", x => new { x.CohortId, x.UserId });
                table.ForeignKey("FK_CohortTrainers_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CohortTrainers_Cohorts_CohortId", x => x.CohortId, "Cohorts", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_CohortTrainers_UserId", "CohortTrainers", "UserId");

        migrationBuilder.CreateTable(
            name: "CohortMembers",
            columns: table => new
            {
                CohortId = table.Column<int>(nullable: false),
                UserId = table.Column<string>(nullable: false),
                JoinedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CohortMembers", x => new { x.CohortId, x.UserId });
                table.ForeignKey("FK_CohortMembers_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CohortMembers_Cohorts_CohortId", x => x.CohortId, "Cohorts", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_CohortMembers_UserId", "CohortMembers", "UserId");

        migrationBuilder.CreateTable(
            name: "CohortDays",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                CohortId = table.Column<int>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CohortDays", x => x.Id);
                table.ForeignKey("FK_CohortDays_Cohorts_CohortId", x => x.CohortId, "Cohorts", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_CohortDays_CohortId_Date", "CohortDays", ["CohortId", "Date"], unique: true);

        migrationBuilder.CreateTable(
            name: "Attendance",
            columns: table => new
            {
                CohortDayId = table.Column<int>(nullable: false),
                UserId = table.Column<string>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                MarkedById = table.Column<string>(nullable: false),
                MarkedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Attendance", x => new { x.CohortDayId, x.UserId });
                table.ForeignKey("FK_Attendance_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Attendance_CohortDays_CohortDayId", x => x.CohortDayId, "CohortDays", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Attendance_UserId", "Attendance", "UserId");

        migrationBuilder.CreateTable(
            name: "AuditLog",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                At = table.Column<DateTime>(nullable: false),
                ActorId = table.Column<string>(maxLength: 64, nullable: false),
                ActorName = table.Column<string>(maxLength: 300, nullable: false),
                Action = table.Column<string>(maxLength: AuditEntry.ActionLength, nullable: false),
                TargetType = table.Column<string>(maxLength: AuditEntry.ActionLength, nullable: false),
                TargetId = table.Column<string>(maxLength: 200, nullable: false),
                LearnerId = table.Column<string>(maxLength: 64, nullable: true),
                Details = table.Column<string>(maxLength: AuditEntry.TextLength, nullable: false),
                Reason = table.Column<string>(maxLength: AuditEntry.TextLength, nullable: false),
                Address = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AuditLog", x => x.Id));
        migrationBuilder.CreateIndex("IX_AuditLog_At", "AuditLog", "At");
        migrationBuilder.CreateIndex("IX_AuditLog_LearnerId", "AuditLog", "LearnerId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "AuditLog", "Attendance", "CohortDays", "CohortMembers", "CohortTrainers", "Cohorts", "Certificates" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
