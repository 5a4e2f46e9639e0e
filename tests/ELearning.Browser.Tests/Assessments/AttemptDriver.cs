using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ELearning.Browser.Tests.Infrastructure;
using ELearning.Content.Assessments;
using ELearning.Content.Questions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ELearning.Browser.Tests.Assessments;

/// <summary>
/// Takes an attempt in the browser as a learner would: page by page through the one attempt form, then "Review and
/// submit" and "Submit attempt". It knows the answers from the curriculum's own answer key, finds the questions on
/// each page by their input names (<c>q.{questionId}.{field}</c>), and their controls by the labels a learner reads.
/// </summary>
internal sealed partial class AttemptDriver(IPage page, Assessment assessment)
{
    private ILocator Form => page.Locator("form.attempt-form");

    public static string Url(Assessment assessment) => $"/courses/{assessment.CourseSlug}/{assessment.ModuleSlug}/assessment";

    /// <summary>From the assessment page or a result page: the start button, up to page 1 of the new attempt.</summary>
    public async Task StartAsync(string button)
    {
        await SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }));
        await Expect(Form).ToBeVisibleAsync();
    }

    /// <summary>Answers every question on every page (right, or wrong/blank) and leaves the browser on the summary.</summary>
    public async Task AnswerEveryPageAsync(bool right)
    {
        var answered = new List<string>();
        for (var pages = 0; !await IsSummaryAsync(); pages++)
        {
            Assert.True(pages < 50, "The attempt never reached its summary page.");
            var onPage = await QuestionsOnPageAsync();
            Assert.NotEmpty(onPage);
            // Scenarios first: each choice posts the whole page, which the server saves and renders again.
            foreach (var question in onPage.OrderBy(q => q is ScenarioQuestion ? 0 : 1))
            {
                if (right)
                {
                    await AnswerRightAsync(question);
                }
                else
                {
                    await AnswerWrongAsync(question);
                }
                answered.Add(question.Id);
            }
            // "Next", or "Review and submit" on the last page.
            await SubmitAsync(Form.Locator("button[name=go][value=next]"));
        }
        Assert.Equal(assessment.QuestionsPerAttempt, answered.Distinct().Count());
    }

    public async Task SubmitAttemptAsync()
    {
        await SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Submit attempt", Exact = true }));
        await Expect(ResultRegion).ToBeVisibleAsync();
    }

    /// <summary>The result section of a result page.</summary>
    public ILocator ResultRegion => page.GetByRole(AriaRole.Region, new() { Name = "Your result", Exact = true });

    /// <summary>The figure after "Percentage" on a result page.</summary>
    public ILocator ResultPercent => ResultRegion.Locator("dt:text-is('Percentage') + dd");

    private async Task<bool> IsSummaryAsync() =>
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit attempt", Exact = true }).CountAsync() > 0;

    private async Task<List<Question>> QuestionsOnPageAsync()
    {
        var names = await Form.Locator("[name^='q.']").EvaluateAllAsync<string[]>("elements => elements.map(e => e.getAttribute('name'))");
        return [.. assessment.Questions.Where(q => names.Any(n => n.StartsWith($"q.{q.Id}.", StringComparison.Ordinal)))];
    }

    private async Task AnswerRightAsync(Question question)
    {
        var fields = Fieldset(question);
        switch (question)
        {
            case ChoiceQuestion choice:
                foreach (var option in choice.Options.Where(o => o.IsCorrect))
                {
                    await fields.GetByLabel(Text(option.Html), new() { Exact = true }).CheckAsync();
                }
                break;
            case TextQuestion text:
                await fields.GetByLabel("Your answer", new() { Exact = true }).FillAsync(text.Answers.First(a => a.IsCorrect).Text);
                break;
            case NumericQuestion numeric:
                await fields.GetByLabel("Your answer", new() { Exact = true }).FillAsync(numeric.Answer.ToString(CultureInfo.InvariantCulture));
                break;
            case OrderingQuestion ordering:
                // The author writes the items in the right order.
                for (var i = 0; i < ordering.Items.Count; i++)
                {
                    await fields.GetByLabel(Text(ordering.Items[i].Html), new() { Exact = true }).SelectOptionAsync(Position(i + 1));
                }
                break;
            case MatchingQuestion matching:
                foreach (var pair in matching.Pairs)
                {
                    var choice = matching.Choices.Single(c => c.Id == pair.ChoiceId);
                    await MatchAsync(fields.GetByLabel(Text(pair.Item.Html), new() { Exact = true }), Text(choice.Html));
                }
                break;
            case ScenarioQuestion scenario:
                // The best path: at each step the choice worth most, counting the best still reachable after it.
                var step = scenario.Steps[0];
                while (step is { IsEnding: false })
                {
                    var best = step.Choices.MaxBy(c => c.Points + BestFrom(scenario, c.Target))!;
                    await SubmitAsync(Fieldset(question).GetByRole(AriaRole.Button, new() { Name = Text(best.Html), Exact = true }));
                    step = best.Target is null ? null : scenario.FindStep(best.Target);
                }
                break;
            default:
                Assert.Fail($"No answer strategy for {question.GetType().Name} {question.Id}.");
                break;
        }
    }

    private async Task AnswerWrongAsync(Question question)
    {
        var fields = Fieldset(question);
        switch (question)
        {
            case ChoiceQuestion choice:
                var wrong = choice.Options.Where(o => !o.IsCorrect).ToList();
                // One wrong option for a single choice; every wrong one (and no right one) for a multiple choice.
                foreach (var option in choice.AllowsSeveral ? wrong : wrong.Take(1))
                {
                    await fields.GetByLabel(Text(option.Html), new() { Exact = true }).CheckAsync();
                }
                break;
            case TextQuestion:
                await fields.GetByLabel("Your answer", new() { Exact = true }).FillAsync("I am not sure");
                break;
            case NumericQuestion numeric:
                await fields.GetByLabel("Your answer", new() { Exact = true })
                    .FillAsync((numeric.Answer + numeric.Tolerance + 1000).ToString(CultureInfo.InvariantCulture));
                break;
            case OrderingQuestion ordering:
                // Every item one place off: none in its position.
                for (var i = 0; i < ordering.Items.Count; i++)
                {
                    await fields.GetByLabel(Text(ordering.Items[i].Html), new() { Exact = true })
                        .SelectOptionAsync(Position((i + 1) % ordering.Items.Count + 1));
                }
                break;
            case MatchingQuestion matching:
                foreach (var pair in matching.Pairs)
                {
                    var choice = matching.Choices.First(c => c.Id != pair.ChoiceId);
                    await MatchAsync(fields.GetByLabel(Text(pair.Item.Html), new() { Exact = true }), Text(choice.Html));
                }
                break;
            case ScenarioQuestion:
                // Left blank: an untouched case scores nothing.
                break;
            default:
                Assert.Fail($"No answer strategy for {question.GetType().Name} {question.Id}.");
                break;
        }
    }

    /// <summary>
    /// One question's controls. Option, item and choice values on the page are opaque per-attempt aliases, so the
    /// driver finds controls as a learner does: by the text of their labels.
    /// </summary>
    private ILocator Fieldset(Question question) =>
        Form.Locator("fieldset").Filter(new() { Has = page.Locator($"[name^=\"q.{question.Id}.\"]") });

    /// <summary>The text a learner reads for pipeline HTML: tags dropped, entities decoded, spaces collapsed.</summary>
    /// <summary>Options read "A. choice text": the letter of the choice in the list above the table.</summary>
    private static async Task MatchAsync(ILocator select, string choice)
    {
        var option = select.Locator("option").Filter(new() { HasTextRegex = new Regex("^[A-Z0-9]+\\. " + Regex.Escape(choice) + "$") });
        await select.SelectOptionAsync(await option.GetAttributeAsync("value") ?? throw new InvalidOperationException($"No option for {choice}."));
    }

    private static string Text(string html) =>
        string.Join(' ', WebUtility.HtmlDecode(Tags().Replace(html, "")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    private static string Position(int position) => position.ToString(CultureInfo.InvariantCulture);

    private static decimal BestFrom(ScenarioQuestion scenario, string? stepId) =>
        stepId is null || scenario.FindStep(stepId) is not { IsEnding: false } step
            ? 0
            : step.Choices.Max(c => c.Points + BestFrom(scenario, c.Target));

    /// <summary>Presses a submit button and waits for the page the server answers with (after its redirect).</summary>
    private async Task SubmitAsync(ILocator button)
    {
        var response = await Navigation.SubmitAsync(page, () => button.ClickAsync());
        Assert.True(response is { Status: 200 }, $"{page.Url} answered {response?.Status}.");
        // A stale page means the server kept other answers than the ones just posted.
        Assert.DoesNotContain("notice=stale", page.Url, StringComparison.Ordinal);
    }
}
