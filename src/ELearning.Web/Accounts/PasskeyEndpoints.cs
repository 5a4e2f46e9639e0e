using System.Text.Json;
using ELearning.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace ELearning.Web.Accounts;

/// <summary>
/// Passkeys with Identity 10's built-in WebAuthn support. The pages render plain forms; the theme's passkeys.js asks
/// one of the two options endpoints for the JSON that <c>navigator.credentials.create/get</c> take (Identity keeps the
/// challenge in its short-lived two-factor cookie), then posts the browser's answer with the form. Without script the
/// forms stay hidden and the account signs in with password and authenticator code.
/// </summary>
internal static class PasskeyEndpoints
{
    public const string ManagePath = "/Account/Manage/passkeys";
    public const string LoginPath = "/Account/Login/passkey";
    public const int NameLength = 100;

    // A real credential is a few kilobytes (attestation object, client data); anything far larger is not one.
    private const int CredentialLength = 64 * 1024;

    public static IEndpointRouteBuilder MapPasskeys(this IEndpointRouteBuilder app)
    {
        var manage = app.MapGroup(ManagePath).RequireAuthorization().RequireAntiforgery();
        manage.MapPost("/options", async Task<Results<ContentHttpResult, NotFound>> (
            HttpContext context, UserManager<AppUser> users, SignInManager<AppUser> signIn) =>
        {
            if (await users.GetUserAsync(context.User) is not { } user)
            {
                return TypedResults.NotFound();
            }
            var name = user.Email ?? user.UserName ?? user.Id;
            var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = name, DisplayName = user.DisplayName });
            return TypedResults.Content(options, "application/json");
        });

        manage.MapPost("/add", async Task<Results<RedirectHttpResult, BadRequest, NotFound>> (
            HttpContext context, [FromForm] string? name, [FromForm] string? credential, [FromForm] string? returnUrl,
            UserManager<AppUser> users, SignInManager<AppUser> signIn) =>
        {
            var back = AuthenticatorSetup.LocalReturnUrl(returnUrl is { Length: > 0 } ? returnUrl : "/Account/Manage");
            if (!IsJsonObject(credential))
            {
                return TypedResults.BadRequest();
            }
            if (await users.GetUserAsync(context.User) is not { } user)
            {
                return TypedResults.NotFound();
            }
            var result = await AttestAsync(signIn, credential!);
            // The options must have been made for this account (the challenge cookie could be another tab's).
            if (result is not { Succeeded: true } || result.UserEntity.Id != user.Id)
            {
                return TypedResults.LocalRedirect(WithStatus(back, "failed"));
            }
            result.Passkey.Name = CleanName(name) ?? "Passkey";
            if (!(await users.AddOrUpdatePasskeyAsync(user, result.Passkey)).Succeeded)
            {
                return TypedResults.LocalRedirect(WithStatus(back, "failed"));
            }
            // A new cookie that says this account has a second factor (the enrolment check reads it), same session.
            await signIn.RefreshSignInAsync(user);
            return TypedResults.LocalRedirect(WithStatus(back, "added"));
        });

        manage.MapPost("/rename", async Task<Results<RedirectHttpResult, BadRequest, NotFound>> (
            HttpContext context, [FromForm] string? id, [FromForm] string? name, UserManager<AppUser> users) =>
        {
            var credentialId = CredentialId(id);
            var newName = CleanName(name);
            if (credentialId is null || newName is null)
            {
                return TypedResults.BadRequest();
            }
            if (await users.GetUserAsync(context.User) is not { } user || await users.GetPasskeyAsync(user, credentialId) is not { } passkey)
            {
                return TypedResults.NotFound();
            }
            passkey.Name = newName;
            await users.AddOrUpdatePasskeyAsync(user, passkey);
            return TypedResults.LocalRedirect(WithStatus("/Account/Manage", "renamed"));
        });

        manage.MapPost("/remove", async Task<Results<RedirectHttpResult, BadRequest, NotFound>> (
            HttpContext context, [FromForm] string? id, UserManager<AppUser> users, SignInManager<AppUser> signIn) =>
        {
            if (CredentialId(id) is not { } credentialId)
            {
                return TypedResults.BadRequest();
            }
            if (await users.GetUserAsync(context.User) is not { } user || await users.GetPasskeyAsync(user, credentialId) is null)
            {
                return TypedResults.NotFound();
            }
            await users.RemovePasskeyAsync(user, credentialId);
            // Removing the last second factor of a trainer or admin sends them back to set-up (the cookie says so).
            await signIn.RefreshSignInAsync(user);
            return TypedResults.LocalRedirect(WithStatus("/Account/Manage", "removed"));
        });

        var login = app.MapGroup(LoginPath).RequireAntiforgery();
        login.MapPost("/options", async (SignInManager<AppUser> signIn) =>
        {
            // No user: the browser offers the passkeys it holds for this site, so the page reveals no account.
            return TypedResults.Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");
        });

        login.MapPost("/", async Task<Results<RedirectHttpResult, BadRequest>> (
            [FromForm] string? credential, [FromForm] string? returnUrl, SignInManager<AppUser> signIn) =>
        {
            if (!IsJsonObject(credential))
            {
                return TypedResults.BadRequest();
            }
            // A passkey is phishing-resistant and user-verified (PIN or biometrics on the device): Identity signs in
            // without the code step. The cookie's sign-in event opens the server-side session, as for a password.
            SignInResult result;
            try
            {
                result = await signIn.PasskeySignInAsync(credential!);
            }
            catch (Exception e) when (e is InvalidOperationException or PasskeyException or JsonException or FormatException or ArgumentException)
            {
                // No options were asked for first (no challenge in the cookie), or the credential is not a credential.
                result = SignInResult.Failed;
            }
            var back = AuthenticatorSetup.LocalReturnUrl(returnUrl);
            return result.Succeeded
                ? TypedResults.LocalRedirect(back)
                : TypedResults.LocalRedirect($"/Account/Login?passkey=failed&ReturnUrl={Uri.EscapeDataString(back)}");
        });
        return app;
    }

    private static async Task<PasskeyAttestationResult?> AttestAsync(SignInManager<AppUser> signIn, string credential)
    {
        try
        {
            return await signIn.PerformPasskeyAttestationAsync(credential);
        }
        catch (Exception e) when (e is InvalidOperationException or PasskeyException or JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Whether the field holds a JSON object of a sane size: anything else is a forged post, answered 400.</summary>
    private static bool IsJsonObject(string? json)
    {
        if (string.IsNullOrEmpty(json) || json.Length > CredentialLength)
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A credential id as the pages write it (base64url), or null when it is not one.</summary>
    public static byte[]? CredentialId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > PasskeyStorage.CredentialIdLength * 2)
        {
            return null;
        }
        try
        {
            var bytes = WebEncoders.Base64UrlDecode(id);
            return bytes.Length is > 0 and <= PasskeyStorage.CredentialIdLength ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string CredentialIdText(byte[] id) => WebEncoders.Base64UrlEncode(id);

    private static string? CleanName(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > NameLength || trimmed.Any(char.IsControl) ? null : trimmed;
    }

    private static string WithStatus(string url, string status)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? url : url[..hash];
        return $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}passkey={status}#passkeys";
    }

    /// <summary>Whether this account has at least one passkey (a second factor for the enrolment check).</summary>
    public static async Task<bool> HasPasskeyAsync(UserManager<AppUser> users, AppUser user) =>
        users.SupportsUserPasskey && (await users.GetPasskeysAsync(user)).Count > 0;

}
