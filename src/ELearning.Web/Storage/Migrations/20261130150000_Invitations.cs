using ELearning.Web.Cohorts;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ELearning.Web.Storage.Migrations;

/// <summary>Invitations to join a cohort: a code with an expiry and a number of uses.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130150000_Invitations")]
internal sealed class Invitations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Invitations",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                CohortId = table.Column<int>(nullable: false),
                Code = table.Column<string>(maxLength: Invitation.CodeLength, nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                MaxUses = table.Column<int>(nullable: false),
                Uses = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                CreatedById = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Invitations", x => x.Id);
                table.ForeignKey("FK_Invitations_Cohorts_CohortId", x => x.CohortId, "Cohorts", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Invitations_Code", "Invitations", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_Invitations_CohortId", "Invitations", "CohortId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Invitations");
}
