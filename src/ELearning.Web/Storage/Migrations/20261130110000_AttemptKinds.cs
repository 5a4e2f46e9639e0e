using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ELearning.Web.Storage.Migrations;

/// <summary>Attempts get a kind (graded, pre-test, trainer's trial); every existing attempt is graded.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130110000_AttemptKinds")]
internal sealed class AttemptKinds : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<int>("Kind", "AssessmentAttempts", nullable: false, defaultValue: 0);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("Kind", "AssessmentAttempts");
}
