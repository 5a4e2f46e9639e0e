using System.Net;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Progress;

public sealed class LessonQuestionKindsTests
{
    private const string Lesson = "/courses/thb/money/follow";

    private static TestApp AppWithPractice() => new(prepare: root => FixtureContent.Write(root, "thb/02-money/01-follow.md", """
        ---
        title: Follow the money
        summary: Why money matters.
        minutes: 12
        ---

        # Follow the money

        Profits drive trafficking.

        ::: question id=l-text type=text
        Which body coordinates judicial cooperation in the EU?

        - [x] Eurojust
        - [ ] Europol
          > Europol supports police cooperation.

        > [!HINT]
        > FIRST-HINT judges and prosecutors.

        > [!HINT]
        > SECOND-HINT it starts with "Euro" and ends with "just".

        > [!RATIONALE]
        > THE-RATIONALE Eurojust coordinates judicial authorities.
        :::

        ::: scenario id=l-case
        A bank reports unusual cash deposits.

        ## The report

        What do you do?

        - [Freeze the account at once](#end)
          > CONSEQUENCE-FREEZE The network moves the rest of the money.
        - [Open a parallel financial investigation](#the-investigation) (2 points)
          > CONSEQUENCE-PFI You map the flows first.

        ## The investigation

        You found the accounts.

        - [Freeze all of them together](#end) (1 point)
          > CONSEQUENCE-TOGETHER Nothing escapes.
        :::
        """));

    [Fact]
    public async Task AShortTextAnswerIsGradedLooselyWithHintsAfterWrongTriesAndTheRationaleWhenRight()
    {
        using var app = AppWithPractice();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var before = await browser.GetHtmlAsync(Lesson);
        foreach (var secret in new[] { "FIRST-HINT", "SECOND-HINT", "THE-RATIONALE", "Europol supports", "CONSEQUENCE" })
        {
            Assert.DoesNotContain(secret, before, StringComparison.Ordinal);
        }

        using (await browser.SubmitAsync(Lesson, Lesson + "/questions/l-text", ("text", "Europol")))
        {
        }
        var afterFirst = await browser.GetHtmlAsync(Lesson);
        Assert.Contains("Europol supports police cooperation.", afterFirst, StringComparison.Ordinal);
        Assert.Contains("FIRST-HINT", afterFirst, StringComparison.Ordinal);
        Assert.DoesNotContain("SECOND-HINT", afterFirst, StringComparison.Ordinal);
        Assert.DoesNotContain("THE-RATIONALE", afterFirst, StringComparison.Ordinal);

        using (await browser.SubmitAsync(Lesson, Lesson + "/questions/l-text", ("text", "Interpol")))
        {
        }
        Assert.Contains("SECOND-HINT", await browser.GetHtmlAsync(Lesson), StringComparison.Ordinal);

        using (await browser.SubmitAsync(Lesson, Lesson + "/questions/l-text", ("text", "  eurojust ")))
        {
        }
        var right = await browser.GetHtmlAsync(Lesson);
        Assert.Contains("THE-RATIONALE", right, StringComparison.Ordinal);
        Assert.DoesNotContain("SECOND-HINT", right, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APracticeCaseIsWalkedOneChoiceAtATimeAndCanBeRestarted()
    {
        using var app = AppWithPractice();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");

        var freeze = await browser.ChoiceValueAsync(Lesson, "l-case", "Freeze the account at once");
        var investigate = await browser.ChoiceValueAsync(Lesson, "l-case", "Open a parallel financial investigation");
        using (var first = await browser.SubmitAsync(Lesson, Lesson + "/questions/l-case", ("choice", investigate)))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }
        var middle = await browser.GetHtmlAsync(Lesson);
        Assert.Contains("CONSEQUENCE-PFI", middle, StringComparison.Ordinal);
        Assert.Contains("You found the accounts.", middle, StringComparison.Ordinal);
        Assert.DoesNotContain("CONSEQUENCE-FREEZE", middle, StringComparison.Ordinal);
        Assert.DoesNotContain("CONSEQUENCE-TOGETHER", middle, StringComparison.Ordinal);

        // A choice that belongs to another step is forged: refused, nothing stored.
        using (var forged = await browser.SubmitAsync(Lesson, Lesson + "/questions/l-case", ("choice", freeze)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }
        var together = await browser.ChoiceValueAsync(Lesson, "l-case", "Freeze all of them together");
        using (await browser.SubmitAsync(Lesson, Lesson + "/questions/l-case", ("choice", together)))
        {
        }
        var (_, ended) = await browser.GetPageAsync(Lesson);
        Assert.Contains("CONSEQUENCE-TOGETHER", ended.QuerySelector("#q-l-case")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Correct.", ended.QuerySelector("#q-l-case .verdict")!.TextContent.Trim());

        using (var restart = await browser.SubmitAsync(Lesson, Lesson + "/questions/l-case/restart"))
        {
            Assert.Equal(HttpStatusCode.Redirect, restart.StatusCode);
        }
        var again = await browser.GetHtmlAsync(Lesson);
        Assert.DoesNotContain("CONSEQUENCE-PFI", again, StringComparison.Ordinal);
        Assert.Contains("Open a parallel financial investigation", again, StringComparison.Ordinal);
    }
}
