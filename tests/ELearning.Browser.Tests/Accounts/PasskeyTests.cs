using ELearning.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ELearning.Browser.Tests.Accounts;

/// <summary>
/// Passkeys end to end: passkeys.js, Identity's options and Chromium's WebAuthn, with Chromium's virtual authenticator
/// (through the DevTools protocol) standing in for the device's screen lock.
/// </summary>
public sealed class PasskeyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }

    [BrowserFact]
    public async Task ALearnerAddsAPasskeyAndThenSignsInWithItAloneInANewSession()
    {
        // WebAuthn needs a domain name: the app is reached as localhost, not 127.0.0.1.
        await using var context = await app.NewContextAsync(host: "localhost");
        var page = await context.NewPageAsync();
        await AddVirtualAuthenticatorAsync(page);
        await Learner.RegisterAndSignInAsync(page, Learner.NewEmail("passkey"));

        await page.GotoAsync("/Account/Manage");
        await page.GetByLabel("Name of the new passkey", new() { Exact = true }).FillAsync("Virtual key");
        await Navigation.SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey", Exact = true }).ClickAsync());
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "passkey" })).ToContainTextAsync("Your passkey was added.");
        await Expect(page.Locator("#passkeys li")).ToContainTextAsync("Virtual key");

        // Signing out ends every session. On the sign-in page the browser offers the passkey in the email field's autofill
        // (conditional mediation); the virtual authenticator accepts at once, so the passkey alone signs in.
        await Navigation.SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync());
        await page.GotoAsync("/Account/Login");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/Account/Manage");
        await Expect(page.Locator("table.sessions tbody tr")).ToHaveCountAsync(1);

        // A browser without that autofill: the "Sign in with a passkey" button does it, in a new session.
        await Navigation.SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync());
        await page.AddInitScriptAsync("PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);");
        await page.GotoAsync("/Account/Login");
        await Navigation.SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey", Exact = true }).ClickAsync());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/Account/Manage");
        await Expect(page.Locator("table.sessions tbody tr")).ToHaveCountAsync(1);
    }
}
