using ELearning.Web.Accounts;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ELearning.Web.Storage.Migrations;

/// <summary>Server-side sessions: one row per signed-in browser, so sign-out and password changes end copied cookies.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130000000_UserSessions")]
internal sealed class UserSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "UserSessions",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: UserSession.IdLength, nullable: false),
                UserId = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastSeenAt = table.Column<DateTime>(nullable: false),
                UserAgent = table.Column<string>(maxLength: UserSession.UserAgentLength, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UserSessions", x => x.Id);
                table.ForeignKey("FK_UserSessions_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_UserSessions_UserId", "UserSessions", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("UserSessions");
}
