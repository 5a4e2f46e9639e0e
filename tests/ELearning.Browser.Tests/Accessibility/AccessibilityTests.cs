using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ELearning.Browser.Tests.Assessments;
using ELearning.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ELearning.Browser.Tests.Accessibility;

/// <summary>axe-core's WCAG 2.1 A and AA rules on the pages a learner goes through, with the real curriculum.</summary>
public sealed class AccessibilityTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static readonly string[] Impacts = ["serious", "critical"];

    [BrowserFact]
    public async Task PagesHaveNoSeriousAccessibilityViolations()
    {
        var assessment = app.Catalog.FindCourse("countering-thb")?.FindModule("victim-hearing")?.Assessment;
        Assert.NotNull(assessment);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Learner.RegisterAndSignInAsync(page, Learner.NewEmail("axe"));
        var report = new StringBuilder();

        await page.GotoAsync("/");
        await CheckAsync(page, "catalog", report);
        await page.GotoAsync("/courses/countering-thb/victim-hearing");
        await CheckAsync(page, "module", report);
        await page.GotoAsync("/courses/countering-thb/victim-hearing/why-different?warning=accepted");
        await CheckAsync(page, "lesson", report);
        await page.GotoAsync(AttemptDriver.Url(assessment));
        await CheckAsync(page, "assessment", report);
        var attempt = new AttemptDriver(page, assessment);
        await attempt.StartAsync("Start the assessment");
        await CheckAsync(page, "attempt page 1", report);
        await attempt.AnswerEveryPageAsync(right: false);
        await CheckAsync(page, "attempt summary", report);
        await attempt.SubmitAttemptAsync();
        await CheckAsync(page, "result", report);
        await page.GotoAsync("/me");
        await CheckAsync(page, "dashboard", report);

        Assert.True(report.Length == 0, "Serious or critical axe violations:\n" + report);
    }

    private async Task CheckAsync(IPage page, string name, StringBuilder report)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        output.WriteLine($"{name} ({page.Url}): {result.Violations.Length} violations, {result.Passes.Length} rules passed.");
        // What axe could not decide (often contrast over a background it cannot compute): for a person to look at.
        foreach (var unsure in result.Incomplete)
        {
            output.WriteLine($"  to check by hand: {unsure.Id} at {string.Join(", ", unsure.Nodes.Select(n => n.Target.ToString()))}");
        }
        foreach (var violation in result.Violations)
        {
            var line = $"{name}: {violation.Id} ({violation.Impact}) {violation.Help}";
            output.WriteLine("  " + line);
            var serious = Impacts.Contains(violation.Impact);
            if (serious)
            {
                report.AppendLine(line);
            }
            foreach (var node in violation.Nodes)
            {
                var where = $"    at {node.Target}: {node.Html}";
                output.WriteLine(where);
                if (serious)
                {
                    report.AppendLine(where);
                }
            }
        }
    }
}
