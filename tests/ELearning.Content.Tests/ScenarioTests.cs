using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using ELearning.Content.Questions;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

public sealed class ScenarioTests
{
    private const string RueX = """
        ::: scenario id=m1-rue-x points=6
        A raid on an apartment in Brussels finds a Romanian woman who speaks little French.

        ## At the apartment

        She is frightened and asks for her phone. What do you do?

        - [Take her statement on the spot while it is fresh](#statement-on-the-spot)
          > She gives a short, confused account and later withdraws it.
        - [Arrange a *safe place* and a specialised support service first](#safe-place) (2 points)
          > She calms down and agrees to meet again with an interpreter.

        ## Statement on the spot

        The statement is thin.

        - [End the case here](#end)

        ## Safe place

        A week later she tells you about the network.
        :::
        """;

    // Best path: start.a (1) then left.a (3) = 4 points, out of the scenario's 2.
    private const string Fork = """
        ::: scenario id=fork points=2
        Case.

        ## Start

        - [A](#left) (1 point)
          > Went left.
        - [B](#right) (2 points)
          > Went right.

        ## Left

        - [C](#end) (3 points)
          > Good ending.
        - [D](#end)

        ## Right

        - [E](#end)
        :::
        """;

    private static string WithSteps(string steps, string attributes = "id=s") => $"::: scenario {attributes}\nCase.\n\n{steps}:::\n";

    private static Response Path(params string[] choices) => Response.Of("path", choices);

    [Fact]
    public void AScenarioIsReadIntoStepsAndChoices()
    {
        var scenario = Parse.Question<ScenarioQuestion>(RueX);

        Assert.Equal(("m1-rue-x", QuestionKind.Scenario, 6m, 1), (scenario.Id, scenario.Kind, scenario.Points, scenario.Line));
        Assert.Equal("<p>A raid on an apartment in Brussels finds a Romanian woman who speaks little French.</p>\n", scenario.PromptHtml);
        Assert.Equal(["at-the-apartment", "statement-on-the-spot", "safe-place"], scenario.Steps.Select(s => s.Id));
        Assert.Equal(["At the apartment", "Statement on the spot", "Safe place"], scenario.Steps.Select(s => s.TitleHtml));
        Assert.Equal("<p>She is frightened and asks for her phone. What do you do?</p>\n", scenario.Steps[0].Html);

        var choices = scenario.Steps[0].Choices;
        Assert.Equal(["at-the-apartment.a", "at-the-apartment.b"], choices.Select(c => c.Id));
        Assert.Equal(
            ["Take her statement on the spot while it is fresh", "Arrange a <em>safe place</em> and a specialised support service first"],
            choices.Select(c => c.Html));
        Assert.Equal(["statement-on-the-spot", "safe-place"], choices.Select(c => c.Target));
        Assert.Equal([0m, 2m], choices.Select(c => c.Points));
        Assert.Equal("<p>She calms down and agrees to meet again with an interpreter.</p>\n", choices[1].ConsequenceHtml);

        var end = Assert.Single(scenario.Steps[1].Choices);
        Assert.Equal(("statement-on-the-spot.a", (string?)null, (string?)null), (end.Id, end.Target, end.ConsequenceHtml));
        Assert.True(scenario.Steps[2].IsEnding);
    }

    [Fact]
    public void PointsMayBeWrittenInTheSingularOrWithDecimals()
    {
        var scenario = Parse.Question<ScenarioQuestion>(WithSteps("## Start\n\n- [A](#end) (1 point)\n- [B](#end) (0.5 points)\n- [C](#end) (0 points)\n"));

        Assert.Equal([1m, 0.5m, 0m], scenario.Steps[0].Choices.Select(c => c.Points));
    }

    [Fact]
    public void StepIdsAreGitHubHeadingAnchorsAndLinksMayBePercentEncoded()
    {
        var scenario = Parse.Question<ScenarioQuestion>(
            WithSteps("## Début\n\n- [Suite](#%C3%A9tape-2-s%C3%BBr)\n- [Aussi](#étape-2-sûr)\n\n## Étape 2: «Sûr»\n\nFin.\n"));

        Assert.Equal(["début", "étape-2-sûr"], scenario.Steps.Select(s => s.Id));
        Assert.All(scenario.Steps[0].Choices, c => Assert.Equal("étape-2-sûr", c.Target));
    }

    [Fact]
    public void TwoScenariosInOneLessonMayUseTheSameStepNames()
    {
        var (body, diagnostics) = Render.Body(
            WithSteps("## Debrief\n\n- [Done](#end)\n", "id=one") + "\n" + WithSteps("## Debrief\n\n- [Done](#end)\n", "id=two"));

        DiagnosticAssert.NoErrors(diagnostics);
        Assert.All(body.Segments.OfType<QuestionSegment>(), s => Assert.Equal("debrief", ((ScenarioQuestion)s.Question).Steps[0].Id));
    }

    [Fact]
    public void AScenarioIsAQuestionSegmentOfTheLesson()
    {
        var (body, _) = Render.Body("Before.\n\n" + Fork + "\nAfter.\n");

        Assert.Collection(body.Segments,
            s => Assert.IsType<HtmlSegment>(s),
            s => Assert.Equal("fork", Assert.IsType<QuestionSegment>(s).Question.Id),
            s => Assert.IsType<HtmlSegment>(s));
    }

    [Fact]
    public void BestPathPointsFollowTheRichestPath()
    {
        var scenario = Parse.Question<ScenarioQuestion>(Fork);

        Assert.Equal(4m, scenario.BestPathPoints);
        Assert.Equal("<ol><li>A</li><li>C</li></ol>", scenario.CorrectAnswerHtml);
    }

    [Fact]
    public void TheBestFinishedPathScoresFullPointsWithItsConsequences()
    {
        var grade = Parse.Question<ScenarioQuestion>(Fork).Grade(Path("start.a", "left.a"));

        Assert.Equal((2m, 2m, true), (grade!.Score, grade.MaxScore, grade.IsCorrect));
        Assert.Equal([new Feedback("start.a", "<p>Went left.</p>\n"), new Feedback("left.a", "<p>Good ending.</p>\n")], grade.Feedback);
    }

    [Fact]
    public void AnotherFinishedPathScoresItsShareOfTheBestPath()
    {
        Assert.Equal(1m, Parse.Question<ScenarioQuestion>(Fork).Grade(Path("start.b", "right.a"))!.Score);
        Assert.Equal(0.5m, Parse.Question<ScenarioQuestion>(Fork).Grade(Path("start.a", "left.b"))!.Score);
    }

    [Fact]
    public void AnUnfinishedPathIsValidAndScoresWhatItCollected()
    {
        var scenario = Parse.Question<ScenarioQuestion>(Fork);

        Assert.Equal(1m, scenario.Grade(Path("start.b"))!.Score);
        Assert.Equal(0m, scenario.Grade(Path())!.Score);
    }

    [Theory]
    [InlineData("left.a")]
    [InlineData("start.c")]
    [InlineData("start.a,right.a")]
    [InlineData("start.a,left.a,left.b")]
    [InlineData("start.a,start.a")]
    public void APathThatIsNotAWalkOfTheScenarioIsRefused(string path)
    {
        Assert.Null(Parse.Question<ScenarioQuestion>(Fork).Grade(Path(path.Split(','))));
    }

    [Fact]
    public void WalkTellsWhereTheLearnerIs()
    {
        var scenario = Parse.Question<ScenarioQuestion>(Fork);

        Assert.Equal(("start", false), (scenario.Walk([])!.Current!.Id, scenario.Walk([])!.IsFinished));
        Assert.Equal(("left", false), (scenario.Walk(["start.a"])!.Current!.Id, scenario.Walk(["start.a"])!.IsFinished));
        Assert.True(scenario.Walk(["start.a", "left.b"])!.IsFinished);
        Assert.True(Parse.Question<ScenarioQuestion>(RueX).Walk(["at-the-apartment.b"])!.IsFinished);
    }

    [Fact]
    public void AScenarioWithoutPointsScoresFullForAnyWalk()
    {
        var scenario = Parse.Question<ScenarioQuestion>(WithSteps("## Start\n\n- [A](#end)\n- [B](#end)\n"));

        Assert.Equal(1m, scenario.Grade(Path("start.b"))!.Score);
    }

    [Fact]
    public void BestPathIsComputedOnceForStepsSharedByManyPaths()
    {
        // 60 steps, two choices each to the next step: 2^59 paths, which a walk of every path would never finish.
        var steps = string.Concat(Enumerable.Range(1, 60).Select(i => i < 60
            ? $"## S{i}\n\n- [Good](#s{i + 1}) (1 point)\n- [Bad](#s{i + 1})\n\n"
            : $"## S{i}\n\nThe end.\n"));

        var scenario = Parse.Question<ScenarioQuestion>(WithSteps(steps));

        Assert.Equal(59m, scenario.BestPathPoints);
        // Good on even steps only: 29 of the 59 points.
        var path = Enumerable.Range(1, 59).Select(i => i % 2 == 0 ? $"s{i}.a" : $"s{i}.b").ToArray();
        Assert.Equal(Math.Round(29m / 59m, 4), scenario.Grade(Path(path))!.Score);
    }

    [Fact]
    public void ALinkToAnUnknownStepIsAnErrorAtTheLink() =>
        Parse.HasError(WithSteps("## Start\n\n- [Go](#nowhere)\n"), 6, 3, "no step has the id 'nowhere'; link to one of #start, #end");

    [Fact]
    public void AChoiceLeadingBackIsAnErrorAtTheLink() =>
        Parse.HasError(WithSteps("## A\n\n- [Next](#b)\n\n## B\n\n- [Back](#a)\n- [Stop](#end)\n"), 10, 3,
            "this choice leads back to step 'a' (a → b → a); steps may not loop");

    [Fact]
    public void AScenarioThatCannotEndIsAnError()
    {
        var markdown = WithSteps("## A\n\n- [Next](#b)\n\n## B\n\n- [Back](#a)\n");

        Parse.HasError(markdown, 10, 3, "this choice leads back to step 'a'");
        Parse.HasError(markdown, 4, 1, "no path through the scenario reaches an ending");
    }

    [Fact]
    public void AnUnreachableStepIsAnErrorAtItsHeading() =>
        Parse.HasError(WithSteps("## A\n\n- [End](#end)\n\n## B\n\nLost.\n"), 8, 1, "step 'b' cannot be reached");

    [Fact]
    public void TwoStepsWithTheSameIdAreAnError() =>
        Parse.HasError(WithSteps("## Start\n\n- [Go](#end)\n\n## Start!\n\nAgain.\n"), 8, 1, "duplicate step 'start' (first at line 4)");

    [Fact]
    public void AStepCalledEndIsAnError() =>
        Parse.HasError(WithSteps("## Start\n\n- [Go](#end)\n\n## End\n\nDone.\n"), 8, 1, "a step cannot be called 'End'");

    [Fact]
    public void ContentAfterAStepsChoicesIsAnError() =>
        Parse.HasError(WithSteps("## Start\n\n- [Go](#end)\n\nAfterthought.\n"), 8, 1, "nothing may follow the choices of step 'start'");

    [Fact]
    public void AChoiceThatDoesNotStartWithALinkIsAnError() =>
        Parse.HasError(WithSteps("## Start\n\n- [Go](#end)\n- Stay\n"), 7, 1, "choice 2 of step 'start' must start with a link to the next step");

    [Fact]
    public void TextAfterTheLinkOtherThanPointsIsAnError() =>
        Parse.HasError(WithSteps("## Start\n\n- [Go](#end) quickly\n"), 6, 13, "only '(N points)' may follow the link of a choice, found 'quickly'");

    [Fact]
    public void NegativePointsAreAnError() =>
        Parse.HasError(WithSteps("## Start\n\n- [Go](#end) (-1 points)\n"), 6, 13, "found '(-1 points)'");

    [Fact]
    public void ANumberedChoiceListIsAnError() =>
        Parse.HasError(WithSteps("## Start\n\n1. [Go](#end)\n"), 6, 1, "a step's choices are a bullet list");

    [Fact]
    public void MoreThanAQuoteUnderAChoiceIsAnError() =>
        Parse.HasError(WithSteps("## Start\n\n- [Go](#end)\n\n  More text.\n"), 8, 3, "choice 1 of step 'start' may hold only its link and one consequence quote");

    [Fact]
    public void AScenarioWithoutStepsIsAnError() =>
        Parse.HasError("::: scenario id=s\nJust text.\n:::\n", 1, 1, "the scenario has no steps");

    [Fact]
    public void AScenarioWithoutAnIntroductionIsAnError() =>
        Parse.HasError("::: scenario id=s\n## Start\n\n- [Go](#end)\n:::\n", 1, 1, "the scenario has no introduction");

    [Fact]
    public void AFirstStepWithoutChoicesIsAnError() =>
        Parse.HasError(WithSteps("## Start\n\nNothing to do.\n"), 4, 1, "the first step 'start' has no choices");

    [Fact]
    public void AHintBeforeTheEndOfTheScenarioIsAnError() =>
        Parse.HasError(WithSteps("## Start\n\n> [!HINT]\n> Early.\n\n- [Go](#end)\n"), 6, 1, "hints and the rationale of a scenario go at its end");

    [Fact]
    public void AScenarioTakesOnlyIdAndPoints() =>
        Parse.HasError(WithSteps("## Start\n\n- [Go](#end)\n", "id=s type=single"), 1, 19,
            "unknown attribute 'type'; a scenario takes id=… and optionally points=…");

    [Fact]
    public void AScenarioWithoutAnIdIsAnError() =>
        Parse.HasError(WithSteps("## Start\n\n- [Go](#end)\n", ""), 1, 1, "the scenario has no id; write '::: scenario id=some-id'");

    [Fact]
    public void AnUnclosedScenarioIsAnError() =>
        Parse.HasError("Text.\n\n::: scenario id=s\nCase.\n\n## Start\n\n- [Go](#end)\n", 3, 1, "the scenario is not closed");

    [Fact]
    public void AScenarioInsideAListIsAnError() =>
        Parse.HasError("- item\n\n  ::: scenario id=s\n  Case.\n\n  ## Start\n\n  - [Go](#end)\n  :::\n", 3, 3,
            "a scenario cannot be inside a quote, a list or another question or scenario");

    [Fact]
    public void AQuestionInsideAScenarioIsAnError()
    {
        var diagnostics = Render.Body(WithSteps("## Start\n\n::: question id=q\nPick.\n\n- [x] A\n- [ ] B\n:::\n\n- [Go](#end)\n")).Diagnostics;

        DiagnosticAssert.Has(diagnostics, Render.LessonPath, 6, 1, DiagnosticSeverity.Error, "a question cannot be inside");
    }
}
