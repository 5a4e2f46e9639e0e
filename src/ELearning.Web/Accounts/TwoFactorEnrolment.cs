using System.Security.Claims;

namespace ELearning.Web.Accounts;

/// <summary>
/// Trainers and admins see the personal data of police officers, prosecutors and judges, so their accounts must use
/// two-step sign-in. A signed-in user in one of the <c>Accounts:RequireTwoFactorFor</c> roles whose account has no
/// second factor yet (an authenticator app, or a passkey: see docs/decisions.md) reaches only the set-up page and sign-out; every other page sends them to set-up. The roles and
/// the "two-step sign-in is on" flag come from the cookie (see <see cref="DisplayNameClaimsFactory"/>): no database read.
/// </summary>
internal static class TwoFactorEnrolment
{
    public const string ClaimType = "elearning:2fa";

    /// <summary>The claim's value when the second factor is a passkey only (the code step is not on).</summary>
    public const string PasskeyOnly = "passkey";
    public const string SetupPath = "/Account/Manage/two-factor";
    public const string DefaultRoles = "Trainer,Admin";

    // Paths an enrolling user may still use: set-up itself (an authenticator app or a passkey), signing out, error pages
    // and health checks.
    private static readonly string[] Allowed = [SetupPath, PasskeyEndpoints.ManagePath, "/Account/Logout", "/status", "/healthz"];

    /// <summary>The roles that must use two-step sign-in (<c>Accounts:RequireTwoFactorFor</c>, comma-separated).</summary>
    public static string[] RequiredFor(IConfiguration configuration) =>
        (configuration["Accounts:RequireTwoFactorFor"] ?? DefaultRoles)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether this signed-in user must set up two-step sign-in before doing anything else.</summary>
    public static bool MustEnrol(ClaimsPrincipal user, IReadOnlyList<string> roles) =>
        user.Identity?.IsAuthenticated == true && !user.HasClaim(c => c.Type == ClaimType) && roles.Any(user.IsInRole);

    /// <summary>
    /// Whether a password alone must not open a session for this account: a trainer or admin whose only second factor is a
    /// passkey signs in with the passkey (a password sign-in would otherwise skip the second factor).
    /// </summary>
    public static async Task<bool> MustUsePasskeyAsync(Microsoft.AspNetCore.Identity.UserManager<AppUser> users, AppUser user, IReadOnlyList<string> roles)
    {
        if (user.TwoFactorEnabled || !await PasskeyEndpoints.HasPasskeyAsync(users, user))
        {
            return false;
        }
        foreach (var role in roles)
        {
            if (await users.IsInRoleAsync(user, role))
            {
                return true;
            }
        }
        return false;
    }

    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app)
    {
        var roles = RequiredFor(app.ApplicationServices.GetRequiredService<IConfiguration>());
        return app.Use((context, next) =>
        {
            if (!MustEnrol(context.User, roles) || Allowed.Any(p => context.Request.Path.StartsWithSegments(p)))
            {
                return next(context);
            }
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                var back = context.Request.Path + context.Request.QueryString;
                context.Response.Redirect($"{SetupPath}?ReturnUrl={Uri.EscapeDataString(back)}");
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }
            return Task.CompletedTask;
        });
    }
}
