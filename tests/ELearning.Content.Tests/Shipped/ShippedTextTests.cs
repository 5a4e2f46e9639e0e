using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ELearning.Content.Catalog;
using ELearning.Content.Questions;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests.Shipped;

// Authoring remarks belong in NOTES.md, never in what learners read.
public sealed partial class ShippedTextTests
{
    private static readonly HtmlParser s_parser = new();

    [Fact]
    public void NoShippedLessonOrAssessmentShowsAuthoringRemarks()
    {
        var catalog = ShippedContent.Load();
        var problems = new List<string>();
        foreach (var module in catalog.Courses.SelectMany(c => c.Modules))
        {
            foreach (var lesson in module.Lessons)
            {
                Check(lesson.SourcePath, "title", lesson.Title, problems);
                Check(lesson.SourcePath, "summary", lesson.Summary, problems);
                Check(lesson.SourcePath, "content warning", lesson.ContentWarning ?? "", problems);
                foreach (var segment in lesson.Segments)
                {
                    switch (segment)
                    {
                        case HtmlSegment html:
                            Check(lesson.SourcePath, "text", VisibleText(html.Html), problems);
                            break;
                        case QuestionSegment question:
                            CheckQuestion(lesson.SourcePath, question.Question, problems);
                            break;
                    }
                }
            }
            if (module.Assessment is { } assessment)
            {
                Check(assessment.SourcePath, "title", assessment.Title, problems);
                Check(assessment.SourcePath, "introduction", VisibleText(assessment.IntroHtml), problems);
                foreach (var question in assessment.Questions)
                {
                    CheckQuestion(assessment.SourcePath, question, problems);
                }
            }
        }
        Assert.True(catalog.Courses.Count > 0, "no shipped course loaded");
        Assert.True(problems.Count == 0, "authoring remarks shown to learners (move them to the module's NOTES.md):\n" + string.Join('\n', problems));
    }

    [Theory]
    [InlineData("Figures to verify before use.", true)]
    [InlineData("TODO: add the 2025 data", true)]
    [InlineData("As our research showed", true)]
    [InlineData("See the research brief.", true)]
    [InlineData("Per the course brief", true)]
    [InlineData("In brief: the victim decides.", true)]
    [InlineData("A brief, plain account.", true)]
    [InlineData("Give a briefing to the team; she was briefly held.", false)]
    [InlineData("The prosecutor verifies the account.", false)]
    [InlineData("Se investiga todo el dinero.", false)]
    public void TheCheckFindsRemarksAndLeavesOrdinaryWords(string text, bool found)
    {
        var problems = new List<string>();

        Check("x.md", "text", text, problems);

        Assert.Equal(found, problems.Count > 0);
    }

    [Fact]
    public void LinkAddressesAreNotVisibleText() =>
        Assert.Equal("the guide", VisibleText("<p><a href=\"https://example.org/brief/TODO\">the guide</a></p>").Trim());

    private static void CheckQuestion(string path, Question question, List<string> problems)
    {
        var where = $"{path}:{question.Line} ({question.Id})";
        var parts = new List<string> { question.PromptHtml, question.RationaleHtml ?? "" };
        parts.AddRange(question.HintsHtml);
        switch (question)
        {
            case ChoiceQuestion choice:
                parts.AddRange(choice.Options.SelectMany(o => new[] { o.Html, o.FeedbackHtml ?? "" }));
                break;
            case TextQuestion text:
                parts.AddRange(text.Answers.Select(a => a.FeedbackHtml ?? ""));
                break;
            case OrderingQuestion ordering:
                parts.AddRange(ordering.Items.Select(i => i.Html));
                break;
            case MatchingQuestion matching:
                parts.AddRange([matching.ItemsHeadingHtml, matching.ChoicesHeadingHtml, .. matching.Choices.Select(c => c.Html), .. matching.Pairs.Select(p => p.Item.Html)]);
                break;
            case ScenarioQuestion scenario:
                foreach (var step in scenario.Steps)
                {
                    parts.AddRange([step.TitleHtml, step.Html, .. step.Choices.SelectMany(c => new[] { c.Html, c.ConsequenceHtml ?? "" })]);
                }
                break;
        }
        foreach (var part in parts)
        {
            Check(where, "question", VisibleText(part), problems);
        }
    }

    private static void Check(string where, string part, string text, List<string> problems)
    {
        foreach (Match match in Remark().Matches(text))
        {
            var start = Math.Max(0, match.Index - 40);
            var excerpt = text.Substring(start, Math.Min(text.Length - start, match.Length + 80)).ReplaceLineEndings(" ");
            problems.Add($"{where}: {part} says \"{match.Value}\": …{excerpt}…");
        }
    }

    // Text nodes only: link addresses, image sources and other attributes are not read by learners.
    private static string VisibleText(string html) =>
        s_parser.ParseDocument("<body>" + html + "</body>").Body!.TextContent;

    [GeneratedRegex(@"to verify|(?-i:\bTODO\b)|our research|research brief|course brief|\bbrief\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Remark();
}
