using System.Text.RegularExpressions;
using ELearning.Browser.Tests.Infrastructure;
using ELearning.Content.Questions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ELearning.Browser.Tests.Progress;

/// <summary>Knowledge checks in lessons, answered the way a learner without a mouse answers them.</summary>
public sealed class KnowledgeCheckTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // The shipped lesson has a content warning: open it past the warning, as a learner who accepted it.
    private const string Lesson = "/courses/countering-thb/victim-hearing/why-different?warning=accepted";
    private const string QuestionId = "m1-changing-account";

    // Feedback reaches a screen reader as the option's description.
    private static readonly Regex SomeText = new(@"\S");

    [BrowserFact]
    public async Task KeyboardOnlyLearnerCanAnswerAKnowledgeCheck()
    {
        var question = app.Catalog.FindCourse("countering-thb")?.FindModule("victim-hearing")?.FindLesson("why-different")?.FindQuestion(QuestionId);
        var choice = Assert.IsType<ChoiceQuestion>(question);
        var right = choice.Options.Select((o, i) => (o, i)).Single(x => x.o.IsCorrect).i;
        var firstWrong = choice.Options.Select((o, i) => (o, i)).First(x => !x.o.IsCorrect).i;
        Assert.Equal(0, firstWrong); // Tabbing into a radio group with nothing checked lands on its first radio.

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Learner.RegisterAndSignInAsync(page, Learner.NewEmail("keyboard"));
        await page.GotoAsync(Lesson);
        var check = page.Locator($"#q-{QuestionId}");
        var radios = check.GetByRole(AriaRole.Radio);

        // A wrong answer first: Tab into the group, Space picks the focused option, Tab to the button, Enter.
        await TabToAsync(page, radios.First);
        await page.Keyboard.PressAsync("Space");
        await Expect(radios.First).ToBeCheckedAsync();
        await TabToAsync(page, check.GetByRole(AriaRole.Button, new() { Name = "Check answer" }), maxPresses: 1);
        await Navigation.SubmitAsync(page, () => page.Keyboard.PressAsync("Enter"));
        await Expect(check.GetByRole(AriaRole.Status)).ToHaveTextAsync("Not quite. Read the feedback and try again.");
        await Expect(radios.First).ToHaveAccessibleDescriptionAsync(SomeText);

        // Then the right one. Within a radio group the arrow keys move the choice: Tab stops once per group.
        await TabToAsync(page, radios.First);
        for (var i = 0; i < right; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }
        await Expect(radios.Nth(right)).ToBeCheckedAsync();
        await Expect(radios.Nth(right)).ToBeFocusedAsync();
        await TabToAsync(page, check.GetByRole(AriaRole.Button, new() { Name = "Try again" }), maxPresses: 20);
        await Navigation.SubmitAsync(page, () => page.Keyboard.PressAsync("Enter"));
        await Expect(check.GetByRole(AriaRole.Status)).ToHaveTextAsync("Correct.");
        await Expect(radios.Nth(right)).ToBeCheckedAsync();
        await Expect(radios.Nth(right)).ToHaveAccessibleDescriptionAsync(SomeText);
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, as a keyboard user moves through a page.</summary>
    private static async Task TabToAsync(IPage page, ILocator target, int maxPresses = 300)
    {
        for (var presses = 0; presses < maxPresses; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
        }
        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        Assert.Fail($"{maxPresses} Tab presses did not reach the element; the focus is on {focused}.");
    }
}
