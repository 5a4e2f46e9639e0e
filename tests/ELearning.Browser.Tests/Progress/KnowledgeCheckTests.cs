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
        var rightText = Normalize(System.Net.WebUtility.HtmlDecode(Regex.Replace(choice.Options.Single(o => o.IsCorrect).Html, "<[^>]+>", "")));

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Learner.RegisterAndSignInAsync(page, Learner.NewEmail("keyboard"));
        // The lesson has a content warning; the learner has accepted it (the address says so).
        await page.GotoAsync(Lesson);
        var check = page.Locator($"#q-{QuestionId}");
        var radios = check.GetByRole(AriaRole.Radio);
        // Options are shuffled per learner: find where this learner sees the right one, and a wrong one beside it.
        var shown = await radios.EvaluateAllAsync<string[]>("els => els.map(e => (e.labels[0]?.textContent ?? '').trim())");
        var right = Array.FindIndex(shown, t => Normalize(t) == rightText);
        Assert.True(right >= 0, $"\"{rightText}\" is not among: {string.Join(" | ", shown)}");
        var wrong = right == 0 ? 1 : 0;

        // A wrong answer first: Tab into the group (it lands on the first radio), Space or an arrow picks, Tab to the
        // button, Enter.
        await TabToAsync(page, radios.First);
        await page.Keyboard.PressAsync(wrong == 0 ? "Space" : "ArrowDown");
        await Expect(radios.Nth(wrong)).ToBeCheckedAsync();
        await TabToAsync(page, check.GetByRole(AriaRole.Button, new() { Name = "Check answer" }), maxPresses: 1);
        await Navigation.SubmitAsync(page, () => page.Keyboard.PressAsync("Enter"));
        await Expect(check.GetByRole(AriaRole.Status)).ToHaveTextAsync("Not quite. Read the feedback and try again.");
        await Expect(radios.Nth(wrong)).ToHaveAccessibleDescriptionAsync(SomeText);

        // Then the right one. Within a radio group the arrow keys move the choice: Tab stops once per group, on the
        // checked radio.
        await TabToAsync(page, radios.Nth(wrong));
        for (var i = wrong; i != right; i += Math.Sign(right - wrong))
        {
            await page.Keyboard.PressAsync(right > wrong ? "ArrowDown" : "ArrowUp");
        }
        await Expect(radios.Nth(right)).ToBeCheckedAsync();
        await Expect(radios.Nth(right)).ToBeFocusedAsync();
        await TabToAsync(page, check.GetByRole(AriaRole.Button, new() { Name = "Try again" }), maxPresses: 20);
        await Navigation.SubmitAsync(page, () => page.Keyboard.PressAsync("Enter"));
        await Expect(check.GetByRole(AriaRole.Status)).ToHaveTextAsync("Correct.");
        await Expect(radios.Nth(right)).ToBeCheckedAsync();
        await Expect(radios.Nth(right)).ToHaveAccessibleDescriptionAsync(SomeText);
    }

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();

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
