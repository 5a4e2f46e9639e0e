using AngleSharp.Html.Dom;
using ELearning.Theming;
using static ELearning.Web.Tests.Theme.ThemeSamples;

namespace ELearning.Web.Tests.Theme;

public sealed class QuestionFieldsTests
{
    private const string Prefix = "q.m1-x.";

    private static QuestionView Question(InputKind kind, IReadOnlyList<OptionView> options, params (string, string[])[] values) =>
        new("m1-x", kind, Html("<p>The prompt.</p>"), Prefix, options, Values(values), null);

    private static QuestionView Ordering(AnswerView? answer = null) =>
        Question(InputKind.Ordering, [Option("c", "Closure"), Option("a", "Planning"), Option("b", "Engage")], ("rank.a", ["1"]), ("rank.c", ["3"]))
            with { Answer = answer };

    private static QuestionView Matching(AnswerView? answer = null) =>
        Question(InputKind.Matching, [Option("x", "Extradites a suspect"), Option("y", "Obtains <em>evidence</em>")], ("match.eio", ["y"]))
            with
            {
                Items = [Option("eio", "European Investigation Order"), Option("jit", "Joint investigation team")],
                ItemsHeading = Html("Instrument"),
                ChoicesHeading = Html("What it does"),
                Answer = answer,
            };

    private static QuestionView Scenario(bool finished = false) =>
        new QuestionView("m1-case", InputKind.Scenario, Html("<p>A raid on an apartment.</p>"), Prefix, [], Values(), null)
        {
            Scenario = new ScenarioView(
                [new ScenarioTakenView(Html("Arrange a safe place"), Html("<p>She calms down.</p>"))],
                Html("Meeting again"),
                Html("<p>She agrees to talk. What now?</p>"),
                finished ? [] : [Option("interpreter", "Book an interpreter"), Option("alone", "Talk alone")]),
        };

    private static void AssertNoAnswer(IHtmlDocument page) => Assert.Empty(page.QuerySelectorAll(AnswerElements));

    [Theory]
    [InlineData(InputKind.SingleChoice, "radio")]
    [InlineData(InputKind.TrueFalse, "radio")]
    [InlineData(InputKind.MultipleChoice, "checkbox")]
    public async Task ChoiceQuestionsAreLabelledInputsNamedOptionUnderThePrefix(InputKind kind, string type)
    {
        var selected = kind == InputKind.MultipleChoice ? new[] { "a", "c" } : ["b"];
        var options = kind == InputKind.TrueFalse ? [Option("a", "True"), Option("b", "False")] : new[] { Option("a", "Alpha"), Option("b", "Beta"), Option("c", "Gamma") };
        var page = await RenderFields(Question(kind, options, ("option", selected)));

        Assert.Contains("The prompt.", page.QuerySelector("fieldset > legend").Text(), StringComparison.Ordinal);
        var inputs = page.QuerySelectorAll("fieldset input").Cast<IHtmlInputElement>().ToList();
        Assert.Equal(options.Select(o => o.Id), inputs.Select(i => i.Value));
        Assert.All(inputs, i => Assert.Equal(type, i.Type));
        Assert.All(inputs, i => Assert.Equal("q.m1-x.option", i.Name));
        Assert.All(inputs, i => Assert.False(i.IsDisabled));
        Assert.Equal(selected, inputs.Where(i => i.HasAttribute("checked")).Select(i => i.Value));
        Assert.Equal(options.Select(o => o.Html.Value), inputs.Select(i => page.QuerySelector($"label[for='{i.Id}']").Text()));
        Assert.Equal(inputs.Count, inputs.Select(i => i.Id).Distinct().Count());
        AssertNoAnswer(page);
    }

    [Fact]
    public async Task AShortTextQuestionIsOneLabelledTextFieldWithTheSavedAnswer()
    {
        var page = await RenderFields(Question(InputKind.ShortText, [], ("text", ["Eurojust"])));

        var input = (IHtmlInputElement)page.QuerySelector("fieldset input")!;
        Assert.Equal("text", input.Type);
        Assert.Equal("q.m1-x.text", input.Name);
        Assert.Equal("500", input.GetAttribute("maxlength"));
        Assert.Equal("Eurojust", input.GetAttribute("value"));
        Assert.Equal("Your answer", page.QuerySelector($"label[for='{input.Id}']").Text());
        Assert.Single(page.QuerySelectorAll("input, select, button"));
        AssertNoAnswer(page);
    }

    [Fact]
    public async Task ANumericQuestionAsksForADecimalAndShowsItsUnit()
    {
        var page = await RenderFields(Question(InputKind.Numeric, [], ("number", ["126000"])) with { Unit = "EUR" });

        var input = (IHtmlInputElement)page.QuerySelector("fieldset input")!;
        Assert.Equal("text", input.Type);
        Assert.Equal("decimal", input.GetAttribute("inputmode"));
        Assert.Equal("q.m1-x.number", input.Name);
        Assert.Equal("126000", input.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));
        Assert.Equal("EUR", page.GetElementById(input.GetAttribute("aria-describedby")!).Text());
        AssertNoAnswer(page);
    }

    [Fact]
    public async Task AnOrderingQuestionGivesEachItemAPositionSelectInDisplayOrder()
    {
        var page = await RenderFields(Ordering());

        var selects = page.QuerySelectorAll("fieldset select").Cast<IHtmlSelectElement>().ToList();
        Assert.Equal(["q.m1-x.rank.c", "q.m1-x.rank.a", "q.m1-x.rank.b"], selects.Select(s => s.Name));
        Assert.All(selects, s => Assert.Equal(["", "1", "2", "3"], s.Options.Select(o => o.Value)));
        Assert.All(selects, s => Assert.Equal("Position…", s.Options[0]!.Text));
        Assert.Equal(["Closure", "Planning", "Engage"], selects.Select(s => page.QuerySelector($"label[for='{s.Id}']").Text()));
        Assert.Equal(["3", "1", ""], selects.Select(s => s.Options.Single(o => o.HasAttribute("selected")).Value));
        AssertNoAnswer(page);
    }

    [Fact]
    public async Task AMatchingQuestionIsATableOfItemsEachWithASelectOfTheChoices()
    {
        var page = await RenderFields(Matching());

        Assert.Equal(["Instrument", "What it does"], page.QuerySelectorAll("table.matching thead th").Select(th => th.Text()));
        var selects = page.QuerySelectorAll("table.matching select").Cast<IHtmlSelectElement>().ToList();
        Assert.Equal(["q.m1-x.match.eio", "q.m1-x.match.jit"], selects.Select(s => s.Name));
        Assert.Equal(["European Investigation Order", "Joint investigation team"], selects.Select(s => page.QuerySelector($"label[for='{s.Id}']").Text()));
        Assert.All(selects, s => Assert.Equal(["", "x", "y"], s.Options.Select(o => o.Value)));
        // An <option> holds text only: the choice's markup is reduced to its words.
        Assert.Equal("Obtains evidence", selects[0].Options[2]!.Text);
        Assert.Empty(page.QuerySelectorAll("option em"));
        Assert.Equal("y", selects[0].Options.Single(o => o.HasAttribute("selected")).Value);
        Assert.Equal("", selects[1].Options.Single(o => o.HasAttribute("selected")).Value);
        AssertNoAnswer(page);
    }

    [Fact]
    public async Task AScenarioTellsTheStorySoFarAndOffersOneSubmitButtonPerChoice()
    {
        var page = await RenderFields(Scenario());

        Assert.Contains("She calms down.", page.QuerySelector(".scenario__story").Text(), StringComparison.Ordinal);
        Assert.Contains("Arrange a safe place", page.QuerySelector(".scenario__story").Text(), StringComparison.Ordinal);
        Assert.Equal("Meeting again", page.QuerySelector(".scenario__step-title").Text());
        var buttons = page.QuerySelectorAll("fieldset button").Cast<IHtmlButtonElement>().ToList();
        Assert.All(buttons, b => Assert.Equal("submit", b.Type));
        Assert.All(buttons, b => Assert.Equal("q.m1-x.choice", b.Name));
        Assert.Equal(["interpreter", "alone"], buttons.Select(b => b.Value));
        Assert.Equal(["Book an interpreter", "Talk alone"], buttons.Select(b => b.Text()));
        Assert.Null(page.QuerySelector(".scenario__end"));
        AssertNoAnswer(page);
    }

    [Fact]
    public async Task AFinishedScenarioSaysTheCaseHasEndedAndOffersNoChoice()
    {
        var page = await RenderFields(Scenario(finished: true));

        Assert.Equal("The case has ended.", page.QuerySelector(".scenario__end").Text());
        Assert.Empty(page.QuerySelectorAll("button"));
    }

    [Fact]
    public async Task AnAnswerShowsFeedbackNextToItsOptionThenVerdictScoreHintRationaleAndCorrectAnswer()
    {
        var answer = FullAnswer(false, new FeedbackView("a", Html("<p>Not first.</p>")), new FeedbackView(null, Html("<p>Overall, read module 8.</p>")));
        var page = await RenderFields(Choice("peace", Prefix, answer, "a"));

        var option = page.QuerySelector("#q-q-m1-x-peace-a")!.ParentElement!;
        Assert.Equal("Not first.", option.QuerySelector(".option__feedback").Text());
        Assert.Single(page.QuerySelectorAll(".option__feedback"));
        Assert.Equal("Partly right.", page.QuerySelector(".verdict").Text());
        Assert.Equal("1 of 2 points", page.QuerySelector(".answer__score").Text());
        Assert.Equal("Overall, read module 8.", page.QuerySelector(".answer__feedback").Text());
        Assert.Equal("Hint Think of the order.", page.QuerySelector(".answer__hint").Text());
        Assert.Contains("Because the manual says so.", page.QuerySelector(".answer__rationale").Text(), StringComparison.Ordinal);
        Assert.Equal("Correct answer: Beta", page.QuerySelector(".answer__correct").Text());
    }

    [Fact]
    public async Task AnAnswerShowsOnlyWhatItCarries()
    {
        var page = await RenderFields(Choice("peace", Prefix, new AnswerView(null, null, null, [], null, Html("<p>Why.</p>"), null), "a"));

        Assert.NotNull(page.QuerySelector(".answer__rationale"));
        Assert.Empty(page.QuerySelectorAll(".verdict, .option__feedback, .answer__score, .answer__hint, .answer__correct"));
    }

    [Fact]
    public async Task OrderingMatchingAndScenarioFeedbackSitsNextToItsItemOrChoice()
    {
        var ordering = await RenderFields(Ordering(FullAnswer(false, new FeedbackView("a", Html("Goes first.")))));
        Assert.Equal("Goes first.", ordering.QuerySelector("select[name='q.m1-x.rank.a']")!.ParentElement!.QuerySelector(".option__feedback").Text());

        var matching = await RenderFields(Matching(FullAnswer(true, new FeedbackView("jit", Html("An agreement.")))));
        Assert.Equal("An agreement.", matching.QuerySelector("select[name='q.m1-x.match.jit']")!.ParentElement!.QuerySelector(".option__feedback").Text());
        Assert.Equal("Correct.", matching.QuerySelector(".verdict").Text());

        var scenario = await RenderFields(Scenario() with { Answer = new AnswerView(null, 2, 6, [new FeedbackView("alone", Html("Risky."))], null, null, null) });
        Assert.Equal("Risky.", scenario.QuerySelector("button[value=alone]")!.ParentElement!.QuerySelector(".option__feedback").Text());
        Assert.Null(scenario.QuerySelector(".verdict"));
        Assert.Equal("2 of 6 points", scenario.QuerySelector(".answer__score").Text());
    }

    [Theory]
    [InlineData(InputKind.SingleChoice)]
    [InlineData(InputKind.ShortText)]
    [InlineData(InputKind.Numeric)]
    [InlineData(InputKind.Ordering)]
    [InlineData(InputKind.Matching)]
    [InlineData(InputKind.Scenario)]
    public async Task AReadOnlyQuestionRendersEveryControlDisabled(InputKind kind)
    {
        var question = kind switch
        {
            InputKind.Ordering => Ordering(),
            InputKind.Matching => Matching(),
            InputKind.Scenario => Scenario(),
            InputKind.SingleChoice => Choice("peace", Prefix, null, "b"),
            _ => Question(kind, []),
        };
        var page = await RenderFields(question, readOnly: true);

        var controls = page.QuerySelectorAll("input, select, button");
        if (kind == InputKind.Matching)
        {
            // A review shows matching picks as text (a disabled select cuts long choices short on narrow screens).
            Assert.Empty(controls);
            Assert.NotEmpty(page.QuerySelectorAll(".matching__mine"));
            return;
        }
        Assert.NotEmpty(controls);
        Assert.All(controls, c => Assert.True(c.HasAttribute("disabled"), c.OuterHtml));
    }

    [Fact]
    public async Task TheAnswerVerdictIsNotALiveRegionInAReview()
    {
        var page = await RenderFields(Choice("peace", Prefix, FullAnswer(true), "b"), readOnly: true);
        Assert.Null(page.QuerySelector(".verdict")!.GetAttribute("role"));
    }
}
