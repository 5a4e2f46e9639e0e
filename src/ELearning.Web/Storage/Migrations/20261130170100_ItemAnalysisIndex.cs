using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ELearning.Web.Storage.Migrations;

/// <summary>
/// A covering index for item analysis: it reads each attempt question's id, score and response without touching the
/// table rows, which also hold the large question definitions (reading those pages made the page several times slower).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130170100_ItemAnalysisIndex")]
internal sealed class ItemAnalysisIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(
            "IX_AttemptQuestions_AttemptId_QuestionId_Score_Response", "AttemptQuestions", ["AttemptId", "QuestionId", "Score", "Response"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_AttemptQuestions_AttemptId_QuestionId_Score_Response", "AttemptQuestions");
}
