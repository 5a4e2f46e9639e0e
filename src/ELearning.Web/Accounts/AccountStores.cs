using ELearning.Web.Storage;
using Microsoft.AspNetCore.Identity;

namespace ELearning.Web.Accounts;

/// <summary>The account stores and roles, without cookies or pages: the CLI compiles this file in (see its project file).</summary>
internal static class AccountStores
{
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
                // Version 3 adds passkeys (AspNetUserPasskeys; see PasskeyStorage).
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<AppUserManager>()
            .AddPasswordValidator<PasswordStrengthValidator>()
            .AddDefaultTokenProviders();
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
