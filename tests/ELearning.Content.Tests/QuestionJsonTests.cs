using System.Text.Json;
using ELearning.Content.Questions;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

/// <summary>Attempts store question snapshots as JSON: every kind must come back grading and rendering the same.</summary>
public sealed class QuestionJsonTests
{
    public static TheoryData<string, string, string[]> Kinds() => new()
    {
        {
            "single",
            "::: question id=q points=2\nPick **one**.\n\n- [ ] A\n  > Not A.\n- [x] B\n\n> [!HINT]\n> Think.\n\n> [!RATIONALE]\n> Because B.\n:::\n",
            ["option=a", "option=b", "option=a|option=b", "option=z"]
        },
        {
            "multiple",
            "::: question id=q type=multiple scoring=partial\nPick.\n\n- [x] A\n- [x] B\n- [ ] C\n:::\n",
            ["option=a", "option=a|option=b", "option=a|option=c", ""]
        },
        {
            "true-false",
            "::: question id=q type=true-false\nTrue?\n\n- [x] True\n- [ ] False\n  > No.\n:::\n",
            ["option=a", "option=b"]
        },
        {
            "text",
            "::: question id=q type=text ignore-accents=false\nWho?\n\n- [x] Eurojust\n- [ ] Europol\n  > Police.\n:::\n",
            ["text=eurojust", "text=Europol", "text=Interpol", "text="]
        },
        {
            "numeric",
            "::: question id=q type=numeric answer=126000 tolerance=500 unit=\"k EUR\" points=0.5\nHow much?\n:::\n",
            ["number=126000", "number=126 400 k EUR", "number=1", "number=x"]
        },
        {
            "ordering",
            "::: question id=q type=ordering scoring=partial\nOrder.\n\n1. A\n2. B\n3. C\n:::\n",
            ["rank.a=1|rank.b=2|rank.c=3", "rank.a=2|rank.b=1|rank.c=3", "rank.a=1|rank.b=1|rank.c=3"]
        },
        {
            "matching",
            "::: question id=q type=matching\nMatch.\n\n| X | *Y* |\n|---|---|\n| a | 1 |\n| b | 2 |\n| | 3 |\n:::\n",
            ["match.a=a|match.b=b", "match.a=a|match.b=c", "match.a=z|match.b=b"]
        },
        {
            "scenario",
            "::: scenario id=q points=3\nCase.\n\n## Start\n\n- [Left](#left) (1 point)\n  > Left.\n- [Right](#end) (2 points)\n\n## Left\n\n- [On](#end) (2 points)\n:::\n",
            ["path=start.a|path=left.a", "path=start.b", "path=start.a", "path=left.a"]
        },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKindRoundTripsWithTheSameHtmlAndGrades(string kind, string markdown, string[] responses)
    {
        var question = Assert.Single(Render.Body(markdown).Body.Segments.OfType<Catalog.QuestionSegment>()).Question;

        foreach (var options in (JsonSerializerOptions[])[JsonSerializerOptions.Default, JsonSerializerOptions.Web])
        {
            var json = JsonSerializer.Serialize(question, options);
            var copy = JsonSerializer.Deserialize<Question>(json, options)!;

            Assert.IsType(question.GetType(), copy);
            Assert.Equal(json, JsonSerializer.Serialize(copy, options));
            Assert.Equal((question.Id, question.Kind, question.Points, question.Line), (copy.Id, copy.Kind, copy.Points, copy.Line));
            Assert.Equal(question.PromptHtml, copy.PromptHtml);
            Assert.Equal(question.HintsHtml, copy.HintsHtml);
            Assert.Equal(question.RationaleHtml, copy.RationaleHtml);
            Assert.Equal(question.CorrectAnswerHtml, copy.CorrectAnswerHtml);
            Assert.Equal(QuestionHtml.Visible(question), QuestionHtml.Visible(copy));
            Assert.Equal(QuestionHtml.Hidden(question), QuestionHtml.Hidden(copy));
            foreach (var response in responses.Select(r => Parse.Form(r.Length == 0 ? [] : r.Split('|'))))
            {
                Assert.Equal(Describe(question.Grade(response)), Describe(copy.Grade(response)));
            }
        }
        Assert.NotEmpty(kind);
    }

    [Fact]
    public void TheKindIsADiscriminatorAndEnumsAreWrittenAsNames()
    {
        var question = Parse.Question<ChoiceQuestion>("::: question id=q type=multiple scoring=partial\nPick.\n\n- [x] A\n- [x] B\n:::\n");

        var json = JsonSerializer.Serialize<Question>(question);

        Assert.StartsWith("{\"$type\":\"choice\",", json, StringComparison.Ordinal);
        Assert.Contains("\"ChoiceKind\":\"MultipleChoice\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Scoring\":\"Partial\"", json, StringComparison.Ordinal);
        // Derived values are not stored: they are recomputed from what is.
        Assert.DoesNotContain("\"Kind\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("CorrectAnswerHtml", json, StringComparison.Ordinal);
        Assert.DoesNotContain("AllowsSeveral", json, StringComparison.Ordinal);
    }

    private static string Describe(Grade? grade) =>
        grade is null ? "refused" : $"{grade.Score}/{grade.MaxScore} " + string.Join(" ", grade.Feedback.Select(f => $"{f.Key}:{f.Html}"));
}
