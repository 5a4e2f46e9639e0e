using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ELearning.Browser.Tests.Infrastructure;

/// <summary>What a learner does in the browser before the part under test: register and sign in, by the form labels.</summary>
internal static class Learner
{
    public const string Password = "Quiet river, seven lanterns";

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.eu";

    public static async Task RegisterAndSignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Display name", new() { Exact = true }).FillAsync("Ana Popescu");
        await page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync("RO");
        await page.GetByLabel("Profession", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Prosecutor" });
        await page.GetByLabel("Institution", new() { Exact = true }).FillAsync("Prosecutor's Office, Bucharest");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your account is ready");

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
    }
}
