using Microsoft.Playwright;

namespace ELearning.Browser.Tests.Infrastructure;

internal static class Navigation
{
    /// <summary>
    /// Runs an action that submits a form and waits for the page the server answers with, after its redirect.
    /// Playwright marks this wait obsolete in favour of WaitForURL, which cannot see a post that redirects back to the
    /// same address (every save of an attempt page does); waiting from before the action leaves no race.
    /// </summary>
    public static async Task<IResponse?> SubmitAsync(IPage page, Func<Task> action)
    {
#pragma warning disable CS0612 // See above.
        return await page.RunAndWaitForNavigationAsync(action);
#pragma warning restore CS0612
    }
}
