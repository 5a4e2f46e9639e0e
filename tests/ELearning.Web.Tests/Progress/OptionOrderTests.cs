using System.Net;
using ELearning.Content.Catalog;
using ELearning.Content.Questions;
using ELearning.Theming;
using ELearning.Web.Questions;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Progress;

/// <summary>The order of options, items and choices must not give the answer away, nor be computable from the page.</summary>
public sealed class OptionOrderTests
{
    private const int Learners = 40;

    private static void WriteQuestions(string root) => FixtureContent.Write(root, "thb/02-money/01-follow.md", """
        ---
        title: Follow the money
        summary: Why money matters.
        minutes: 12
        ---

        # Follow the money

        ::: question id=first
        Which comes first?

        - [ ] Closure
        - [x] Planning and preparation
        - [ ] Evaluation
        - [ ] Account
        :::

        ::: question id=match type=matching
        Match each tool to its purpose.

        | Tool | Purpose |
        |---|---|
        | EIO | Gathers evidence abroad |
        | JIT | Investigates jointly |
        | FIU | Analyses transactions |
        :::

        ::: question id=order type=ordering
        Put them in order.

        1. Plan
        2. Engage
        3. Account
        4. Close
        :::

        ::: scenario id=case
        A bank calls.

        ## Call

        What now?

        - [Freeze the account](#end) (2 points)
        - [Ignore it](#end)
        - [Call the press](#end)
        :::
        """);

    private static Lesson MoneyLesson(TestApp app) =>
        app.Services.GetRequiredService<CourseCatalogLoader>().GetCatalog().FindCourse("thb")!.FindModule("money")!.FindLesson("follow")!;

    /// <summary>What learner <paramref name="userId"/> sees for a question on the lesson page (the page's own code path).</summary>
    private static QuestionView ViewFor(TestApp app, string userId, string questionId)
    {
        var question = MoneyLesson(app).FindQuestion(questionId)!;
        var aliases = app.Services.GetRequiredService<QuestionAliases>().For(userId, question);
        return QuestionViews.For(question, "", QuestionViews.LessonOrder(question, aliases), null, null, aliases);
    }

    private static int PositionOf(IReadOnlyList<OptionView> options, string text) =>
        options.Select((o, i) => (o, i)).Single(p => p.o.Html.Value.Contains(text, StringComparison.Ordinal)).i;

    [Theory]
    [InlineData("first", "Planning and preparation", 1)]
    [InlineData("match", "Gathers evidence abroad", 0)]
    [InlineData("order", "Plan", 0)]
    [InlineData("case", "Freeze the account", 0)]
    public void TheRightAnswersPositionVariesBetweenLearners(string questionId, string right, int sourcePosition)
    {
        // A fixed secret keeps the test repeatable; the secret test below shows another secret gives other orders.
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        WriteQuestions(directory.ContentRoot);
        Directory.CreateDirectory(Path.Combine(directory.DataRoot, "keys"));
        File.WriteAllBytes(Path.Combine(directory.DataRoot, "keys", "question-aliases.key"), [.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        using var app = new TestApp(directory);
        var positions = Enumerable.Range(0, Learners)
            .Select(i => ViewFor(app, $"learner-{i}", questionId))
            .Select(v => PositionOf(v.Kind == InputKind.Scenario ? v.Scenario!.Choices : v.Options, right))
            .ToList();

        // Every position turns up, and the source position is no better a guess than any other.
        var count = questionId is "order" ? 4 : questionId is "first" ? 4 : 3;
        Assert.Equal(count, positions.Distinct().Count());
        Assert.True(positions.Count(p => p == sourcePosition) < Learners / 2, $"source position in {positions.Count(p => p == sourcePosition)} of {Learners}");
    }

    [Fact]
    public void TheOrderIsStableForALearnerAndDependsOnTheServerSecretNotTheIds()
    {
        using var app = new TestApp(prepare: WriteQuestions);
        using var other = new TestApp(prepare: WriteQuestions);
        string Order(TestApp a, string user, string id) =>
            string.Join("|", ViewFor(a, user, id) is { Kind: InputKind.Scenario } s ? s.Scenario!.Choices.Select(c => c.Html.Value) : ViewFor(a, user, id).Options.Select(o => o.Html.Value));

        foreach (var id in new[] { "first", "match", "order", "case" })
        {
            Assert.Equal(Order(app, "learner-1", id), Order(app, "learner-1", id));
            // Same learner id, same question id, another server's secret: the order cannot be derived from the ids.
            var differs = Enumerable.Range(0, 10).Any(i => Order(app, $"learner-{i}", id) != Order(other, $"learner-{i}", id));
            Assert.True(differs, id);
        }
    }

    [Fact]
    public async Task ALessonPageShowsTheSameShuffledOrderOnEveryLoad()
    {
        using var app = new TestApp(prepare: WriteQuestions);
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var (status, first) = await browser.GetPageAsync(FixtureContent.MoneyLesson);
        Assert.Equal(HttpStatusCode.OK, status);
        var (_, again) = await browser.GetPageAsync(FixtureContent.MoneyLesson);
        string Labels(AngleSharp.Html.Dom.IHtmlDocument page) => string.Join("|", page.QuerySelectorAll("#q-first label, #q-match option, #q-order label, #q-case button").Select(e => e.TextContent.Trim()));
        Assert.Equal(Labels(first), Labels(again));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ShuffleOptionsGovernsChoiceOptionsOnlyMatchingAndOrderingAreAlwaysShuffled(bool shuffleOptions)
    {
        using var app = new TestApp(prepare: WriteQuestions);
        var lesson = MoneyLesson(app);
        var random = new Random(7);
        Assert.Equal(shuffleOptions, QuestionViews.Shuffle(lesson.FindQuestion("first")!, shuffleOptions, random) is not null);
        Assert.NotNull(QuestionViews.Shuffle(lesson.FindQuestion("match")!, shuffleOptions, random));
        Assert.NotNull(QuestionViews.Shuffle(lesson.FindQuestion("order")!, shuffleOptions, random));
    }
}
