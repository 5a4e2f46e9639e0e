using AngleSharp.Html.Dom;
using Bunit;
using ELearning.Themes.Default;
using ELearning.Theming;
using static ELearning.Web.Tests.Theme.ThemeSamples;

namespace ELearning.Web.Tests.Theme;

public sealed class QuestionFieldsTests : ThemeTestContext
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

    private static void AssertNoAnswer(IRenderedComponent<QuestionFields> page) => Assert.Empty(page.FindAll(AnswerElements));

    [Theory]
    [InlineData(InputKind.SingleChoice, "radio")]
    [InlineData(InputKind.TrueFalse, "radio")]
    [InlineData(InputKind.MultipleChoice, "checkbox")]
    public void ChoiceQuestionsAreLabelledInputsNamedOptionUnderThePrefix(InputKind kind, string type)
    {
        var selected = kind == InputKind.MultipleChoice ? new[] { "a", "c" } : ["b"];
        var options = kind == InputKind.TrueFalse ? [Option("a", "True"), Option("b", "False")] : new[] { Option("a", "Alpha"), Option("b", "Beta"), Option("c", "Gamma") };
        var page = RenderFields(Question(kind, options, ("option", selected)));

        Assert.Contains("The prompt.", page.Find("fieldset > legend").Text(), StringComparison.Ordinal);
        var inputs = page.FindAll("fieldset input").Cast<IHtmlInputElement>().ToList();
        Assert.Equal(options.Select(o => o.Id), inputs.Select(i => i.Value));
        Assert.All(inputs, i => Assert.Equal(type, i.Type));
        Assert.All(inputs, i => Assert.Equal("q.m1-x.option", i.Name));
        Assert.All(inputs, i => Assert.False(i.IsDisabled));
        Assert.Equal(selected, inputs.Where(i => i.HasAttribute("checked")).Select(i => i.Value));
        Assert.Equal(options.Select(o => o.Html.Value), inputs.Select(i => page.Find($"label[for='{i.Id}']").Text()));
        Assert.Equal(inputs.Count, inputs.Select(i => i.Id).Distinct().Count());
        AssertNoAnswer(page);
    }

    [Fact]
    public void AShortTextQuestionIsOneLabelledTextFieldWithTheSavedAnswer()
    {
        var page = RenderFields(Question(InputKind.ShortText, [], ("text", ["Eurojust"])));

        var input = (IHtmlInputElement)page.Find("fieldset input");
        Assert.Equal("text", input.Type);
        Assert.Equal("q.m1-x.text", input.Name);
        Assert.Equal("500", input.GetAttribute("maxlength"));
        Assert.Equal("Eurojust", input.GetAttribute("value"));
        Assert.Equal("Your answer", page.Find($"label[for='{input.Id}']").Text());
        Assert.Single(page.FindAll("input, select, button"));
        AssertNoAnswer(page);
    }

    [Fact]
    public void ANumericQuestionAsksForADecimalAndShowsItsUnit()
    {
        var page = RenderFields(Question(InputKind.Numeric, [], ("number", ["126000"])) with { Unit = "EUR" });

        var input = (IHtmlInputElement)page.Find("fieldset input");
        Assert.Equal("text", input.Type);
        Assert.Equal("decimal", input.GetAttribute("inputmode"));
        Assert.Equal("q.m1-x.number", input.Name);
        Assert.Equal("126000", input.GetAttribute("value"));
        Assert.NotEmpty(page.FindAll($"label[for='{input.Id}']"));
        Assert.Equal("EUR", page.Find($"[id='{input.GetAttribute("aria-describedby")}']").Text());
        AssertNoAnswer(page);
    }

    [Fact]
    public void AnOrderingQuestionGivesEachItemAPositionSelectInDisplayOrder()
    {
        var page = RenderFields(Ordering());

        var selects = page.FindAll("fieldset select").Cast<IHtmlSelectElement>().ToList();
        Assert.Equal(["q.m1-x.rank.c", "q.m1-x.rank.a", "q.m1-x.rank.b"], selects.Select(s => s.Name));
        Assert.All(selects, s => Assert.Equal(["", "1", "2", "3"], s.Options.Select(o => o.Value)));
        Assert.All(selects, s => Assert.Equal("Position…", s.Options[0]!.Text));
        Assert.Equal(["Closure", "Planning", "Engage"], selects.Select(s => page.Find($"label[for='{s.Id}']").Text()));
        Assert.Equal(["3", "1", ""], selects.Select(s => s.Options.Single(o => o.HasAttribute("selected")).Value));
        AssertNoAnswer(page);
    }

    [Fact]
    public void AMatchingQuestionIsATableOfItemsEachWithASelectOfTheChoices()
    {
        var page = RenderFields(Matching());

        Assert.Equal(["Instrument", "What it does"], page.FindAll("table.matching thead th").Select(th => th.Text()));
        var selects = page.FindAll("table.matching select").Cast<IHtmlSelectElement>().ToList();
        Assert.Equal(["q.m1-x.match.eio", "q.m1-x.match.jit"], selects.Select(s => s.Name));
        Assert.Equal(["European Investigation Order", "Joint investigation team"], selects.Select(s => page.Find($"label[for='{s.Id}']").Text()));
        Assert.All(selects, s => Assert.Equal(["", "x", "y"], s.Options.Select(o => o.Value)));
        // An <option> holds text only: the choice's markup is reduced to its words.
        Assert.Equal("B. Obtains evidence", selects[0].Options[2]!.Text);
        Assert.Empty(page.FindAll("option em"));
        Assert.Equal("y", selects[0].Options.Single(o => o.HasAttribute("selected")).Value);
        Assert.Equal("", selects[1].Options.Single(o => o.HasAttribute("selected")).Value);
        AssertNoAnswer(page);
    }

    [Fact]
    public void AScenarioTellsTheStorySoFarAndOffersOneSubmitButtonPerChoice()
    {
        var page = RenderFields(Scenario());

        Assert.Contains("She calms down.", page.Find(".scenario__story").Text(), StringComparison.Ordinal);
        Assert.Contains("Arrange a safe place", page.Find(".scenario__story").Text(), StringComparison.Ordinal);
        Assert.Equal("Meeting again", page.Find(".scenario__step-title").Text());
        var buttons = page.FindAll("fieldset button").Cast<IHtmlButtonElement>().ToList();
        Assert.All(buttons, b => Assert.Equal("submit", b.Type));
        Assert.All(buttons, b => Assert.Equal("q.m1-x.choice", b.Name));
        Assert.Equal(["interpreter", "alone"], buttons.Select(b => b.Value));
        Assert.Equal(["Book an interpreter", "Talk alone"], buttons.Select(b => b.Text()));
        Assert.Empty(page.FindAll(".scenario__end"));
        AssertNoAnswer(page);
    }

    [Fact]
    public void AFinishedScenarioSaysTheCaseHasEndedAndOffersNoChoice()
    {
        var page = RenderFields(Scenario(finished: true));

        Assert.Equal("The case has ended.", page.Find(".scenario__end").Text());
        Assert.Empty(page.FindAll("button"));
    }

    [Fact]
    public void AnAnswerShowsFeedbackNextToItsOptionThenVerdictScoreHintRationaleAndCorrectAnswer()
    {
        var answer = FullAnswer(false, new FeedbackView("a", Html("<p>Not first.</p>")), new FeedbackView(null, Html("<p>Overall, read module 8.</p>")));
        var page = RenderFields(Choice("peace", Prefix, answer, "a"));

        var option = page.Find("#q-q-m1-x-peace-a").ParentElement!;
        Assert.Equal("Not first.", option.QuerySelector(".option__feedback").Text());
        Assert.Single(page.FindAll(".option__feedback"));
        Assert.Equal("Partly right.", page.Find(".verdict").Text());
        Assert.Equal("1 of 2 points", page.Find(".answer__score").Text());
        Assert.Equal("Overall, read module 8.", page.Find(".answer__feedback").Text());
        Assert.Equal("Hint Think of the order.", page.Find(".answer__hint").Text());
        Assert.Contains("Because the manual says so.", page.Find(".answer__rationale").Text(), StringComparison.Ordinal);
        Assert.Equal("Correct answer: Beta", page.Find(".answer__correct").Text());
    }

    [Fact]
    public void AnAnswerShowsOnlyWhatItCarries()
    {
        var page = RenderFields(Choice("peace", Prefix, new AnswerView(null, null, null, [], null, Html("<p>Why.</p>"), null), "a"));

        Assert.NotEmpty(page.FindAll(".answer__rationale"));
        Assert.Empty(page.FindAll(".verdict, .option__feedback, .answer__score, .answer__hint, .answer__correct"));
    }

    [Fact]
    public void OrderingMatchingAndScenarioFeedbackSitsNextToItsItemOrChoice()
    {
        var ordering = RenderFields(Ordering(FullAnswer(false, new FeedbackView("a", Html("Goes first.")))));
        Assert.Equal("Goes first.", ordering.Find("select[name='q.m1-x.rank.a']").ParentElement!.QuerySelector(".option__feedback").Text());

        var matching = RenderFields(Matching(FullAnswer(true, new FeedbackView("jit", Html("An agreement.")))));
        Assert.Equal("An agreement.", matching.Find("select[name='q.m1-x.match.jit']").ParentElement!.QuerySelector(".option__feedback").Text());
        Assert.Equal("Correct.", matching.Find(".verdict").Text());

        var scenario = RenderFields(Scenario() with { Answer = new AnswerView(null, 2, 6, [new FeedbackView("alone", Html("Risky."))], null, null, null) });
        Assert.Equal("Risky.", scenario.Find("button[value=alone]").ParentElement!.QuerySelector(".option__feedback").Text());
        Assert.Empty(scenario.FindAll(".verdict"));
        Assert.Equal("2 of 6 points", scenario.Find(".answer__score").Text());
    }

    [Theory]
    [InlineData(InputKind.SingleChoice)]
    [InlineData(InputKind.ShortText)]
    [InlineData(InputKind.Numeric)]
    [InlineData(InputKind.Ordering)]
    [InlineData(InputKind.Matching)]
    [InlineData(InputKind.Scenario)]
    public void AReadOnlyQuestionRendersEveryControlDisabled(InputKind kind)
    {
        var question = kind switch
        {
            InputKind.Ordering => Ordering(),
            InputKind.Matching => Matching(),
            InputKind.Scenario => Scenario(),
            InputKind.SingleChoice => Choice("peace", Prefix, null, "b"),
            _ => Question(kind, []),
        };
        var page = RenderFields(question, readOnly: true);

        var controls = page.FindAll("input, select, button");
        if (kind == InputKind.Matching)
        {
            // A review shows matching picks as text (a disabled select cuts long choices short on narrow screens).
            Assert.Empty(controls);
            Assert.NotEmpty(page.FindAll(".matching__mine"));
            return;
        }
        Assert.NotEmpty(controls);
        Assert.All(controls, c => Assert.True(c.HasAttribute("disabled"), c.OuterHtml));
    }

    [Fact]
    public void TheAnswerVerdictIsNotALiveRegionInAReview()
    {
        var page = RenderFields(Choice("peace", Prefix, FullAnswer(true), "b"), readOnly: true);
        Assert.Null(page.Find(".verdict").GetAttribute("role"));
    }
}
