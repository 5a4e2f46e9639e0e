using System.Security.Claims;

namespace ELearning.Web.Accounts;

/// <summary>
/// Trainers and admins see the personal data of police officers, prosecutors and judges, so their accounts must use
/// two-step sign-in. A signed-in user in one of the <c>Accounts:RequireTwoFactorFor</c> roles whose account has no
/// second factor yet reaches only the set-up page and sign-out; every other page sends them to set-up. The roles and
/// the "two-step sign-in is on" flag come from the cookie (see <see cref="DisplayNameClaimsFactory"/>): no database read.
/// </summary>
internal static class TwoFactorEnrolment
{
    public const string ClaimType = "elearning:2fa";
    public const string SetupPath = "/Account/Manage/two-factor";
    public const string DefaultRoles = "Trainer,Admin";

    // Paths an enrolling user may still use: set-up itself, signing out, error pages and health checks.
    private static readonly string[] Allowed = [SetupPath, "/Account/Logout", "/status", "/healthz"];

    /// <summary>The roles that must use two-step sign-in (<c>Accounts:RequireTwoFactorFor</c>, comma-separated).</summary>
    public static string[] RequiredFor(IConfiguration configuration) =>
        (configuration["Accounts:RequireTwoFactorFor"] ?? DefaultRoles)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether this signed-in user must set up two-step sign-in before doing anything else.</summary>
    public static bool MustEnrol(ClaimsPrincipal user, IReadOnlyList<string> roles) =>
        user.Identity?.IsAuthenticated == true && !user.HasClaim(c => c.Type == ClaimType) && roles.Any(user.IsInRole);

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
