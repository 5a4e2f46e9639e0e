using System.Threading.RateLimiting;
using ELearning.Web.Security;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace ELearning.Web.Accounts;

internal static class AccountsExtensions
{
    public const string AccountPostPolicy = "account-posts";

    /// <summary>Identity's user and role stores with the password policy; shared by the web app and the CLI.</summary>
    public static IdentityBuilder AddAccountStores(this IServiceCollection services)
    {
        services.Configure<PasswordHasherOptions>(o =>
        {
            // ASVS 5.0 11.4.2: PBKDF2-HMAC-SHA512 (Identity v3 format) with at least 210,000 iterations.
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = 210_000;
        });
        return services
            .AddIdentityCore<AppUser>(o =>
            {
                // ASVS 5.0 6.2: length, not composition. 12 minimum; long passphrases welcome (limit below is only a DoS guard).
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.User.RequireUniqueEmail = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedAccount = false;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version2;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddPasswordValidator<PasswordStrengthValidator>()
            .AddDefaultTokenProviders();
    }

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAccountStores()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>();
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<IEmailSender<AppUser>, PickupDirectoryEmailSender>();
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
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "elearning.af";
            o.Cookie.SecurePolicy = cookiePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        // Sign-in, registration and reset posts are limited per client address; everything else is unlimited.
        var permits = builder.Configuration.GetValue("RateLimits:AccountPostsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/Account")
                    && !context.Request.Path.StartsWithSegments("/Account/Logout")
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "local",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/Account/Logout", async (SignInManager<AppUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("/");
        }).RequireAntiforgery();
        return app;
    }

    /// <summary>Creates the three roles when missing.</summary>
    public static async Task EnsureRolesAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
