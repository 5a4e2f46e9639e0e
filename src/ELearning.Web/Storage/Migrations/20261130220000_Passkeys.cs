using ELearning.Web.Accounts;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ELearning.Web.Storage.Migrations;

/// <summary>Passkeys (Identity schema version 3): one row per credential, its public key and counters as JSON in Data.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130220000_Passkeys")]
internal sealed class Passkeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetUserPasskeys",
            columns: table => new
            {
                CredentialId = table.Column<byte[]>(maxLength: PasskeyStorage.CredentialIdLength, nullable: false),
                UserId = table.Column<string>(nullable: false),
                Data = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserPasskeys", x => x.CredentialId);
                table.ForeignKey("FK_AspNetUserPasskeys_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AspNetUserPasskeys_UserId", "AspNetUserPasskeys", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("AspNetUserPasskeys");
}
