using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ELearning.Web.Security;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace ELearning.Web.Accounts;

internal static class AccountsExtensions
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAccountStores()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>();
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        // How mail leaves: the pickup folder, or SMTP when Email:Smtp:Host is set. What is sent: Templates/Mails.
        services.AddMailSender(builder.Configuration);
        // Data-protection keys (cookies, reset tokens) encrypted at rest when DataProtection:CertificatePath is set.
        services.AddKeyProtection(builder.Configuration);
        // Absolute links (mails) come from App:PublicUrl, which also sets AllowedHosts.
        services.AddPublicUrls(builder.Configuration);

        // Cookies are Secure whenever the request came over HTTPS (directly, or through a proxy with forwarded headers).
        // Always-secure cannot be the default: antiforgery refuses to issue tokens on the plain-HTTP localhost default.
        var cookiePolicy = builder.Configuration.GetValue("Security:SecureCookies", false)
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "elearning.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = cookiePolicy;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            UseServerSessions(o.Events);
        });
        // Server-side sessions: a copied cookie stops working when its session ends (no database read per request).
        services.AddSingleton<Sessions>();
        services.AddSingleton<SignInTiming>();
        services.AddHostedService<SessionLastSeenWriter>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "elearning.af";
            o.Cookie.SecurePolicy = cookiePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        // Sign-in, registration and reset posts: generous per address (classrooms), strict per address and email.
        services.AddAccountRateLimits(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Every sign-in opens a server-side session whose id rides in the ticket's properties; every request checks it
    /// (from memory) before Identity's own security-stamp check. Identity's periodic refresh keeps the properties, so
    /// the session id survives it.
    /// </summary>
    private static void UseServerSessions(CookieAuthenticationEvents events)
    {
        var signingIn = events.OnSigningIn;
        events.OnSigningIn = async context =>
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<Sessions>();
            var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
            if (userId is not null)
            {
                var current = context.Properties.GetString(Sessions.PropertyKey);
                if (current is null || !await sessions.IsOpenAsync(userId, current, context.HttpContext.RequestAborted))
                {
                    context.Properties.Items[Sessions.PropertyKey] =
                        await sessions.StartAsync(userId, context.HttpContext.Request.Headers.UserAgent.ToString(), context.HttpContext.RequestAborted);
                }
            }
            await signingIn(context);
        };
        var validate = events.OnValidatePrincipal;
        events.OnValidatePrincipal = async context =>
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<Sessions>();
            var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
            var sessionId = context.Properties.GetString(Sessions.PropertyKey);
            if (userId is null || sessionId is null || !await sessions.IsOpenAsync(userId, sessionId, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await validate(context);
        };
    }

    /// <summary>The current request's session id, or null when signed out.</summary>
    public static async Task<string?> CurrentSessionIdAsync(this HttpContext context)
    {
        var result = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return result.Succeeded ? result.Properties?.GetString(Sessions.PropertyKey) : null;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        // Signing out ends every session of the user (all browsers, and any copy of a cookie), not only this one.
        app.MapPost("/Account/Logout", async (HttpContext context, SignInManager<AppUser> signInManager, Sessions sessions) =>
        {
            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                await sessions.EndAllAsync(userId, context.RequestAborted);
            }
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("/");
        }).RequireAntiforgery();

        var manage = app.MapGroup("/Account/Manage/sessions").RequireAuthorization().RequireAntiforgery();
        manage.MapPost("/end", async Task<Results<RedirectHttpResult, BadRequest>> (HttpContext context, [FromForm] string? session, Sessions sessions) =>
        {
            var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
            if (string.IsNullOrEmpty(session) || session.Length > UserSession.IdLength)
            {
                return TypedResults.BadRequest();
            }
            await sessions.EndAsync(userId, session, context.RequestAborted);
            // Ending the current session signs this browser out too.
            return TypedResults.LocalRedirect(session == await context.CurrentSessionIdAsync() ? "/Account/Login" : "/Account/Manage#sessions");
        });
        manage.MapPost("/end-all", async (HttpContext context, SignInManager<AppUser> signInManager, Sessions sessions) =>
        {
            await sessions.EndAllAsync(context.User.FindFirstValue(ClaimTypes.NameIdentifier)!, context.RequestAborted);
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("/Account/Login");
        });
        app.MapPasskeys();
        return app;
    }
}
