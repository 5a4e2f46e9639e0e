using ELearning.Web.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ELearning.Web.Accounts;

/// <summary>
/// Ends every session of a user when their password, roles or lock change, whichever page, endpoint or CLI command
/// makes the change. In the web app the in-memory session sets are updated at once; the CLI only deletes the rows,
/// which the app notices at its next recheck (see <see cref="Sessions"/>).
/// </summary>
internal sealed class AppUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private readonly IServiceProvider _services = services;

    public override async Task<IdentityResult> ChangePasswordAsync(AppUser user, string currentPassword, string newPassword) =>
        await EndSessionsOnSuccessAsync(user, await base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override async Task<IdentityResult> ResetPasswordAsync(AppUser user, string token, string newPassword) =>
        await EndSessionsOnSuccessAsync(user, await base.ResetPasswordAsync(user, token, newPassword));

    public override async Task<IdentityResult> AddPasswordAsync(AppUser user, string password) =>
        await EndSessionsOnSuccessAsync(user, await base.AddPasswordAsync(user, password));

    public override async Task<IdentityResult> RemovePasswordAsync(AppUser user) =>
        await EndSessionsOnSuccessAsync(user, await base.RemovePasswordAsync(user));

    public override async Task<IdentityResult> AddToRoleAsync(AppUser user, string role) =>
        await EndSessionsOnSuccessAsync(user, await base.AddToRoleAsync(user, role));

    public override async Task<IdentityResult> AddToRolesAsync(AppUser user, IEnumerable<string> roles) =>
        await EndSessionsOnSuccessAsync(user, await base.AddToRolesAsync(user, roles));

    public override async Task<IdentityResult> RemoveFromRoleAsync(AppUser user, string role) =>
        await EndSessionsOnSuccessAsync(user, await base.RemoveFromRoleAsync(user, role));

    public override async Task<IdentityResult> RemoveFromRolesAsync(AppUser user, IEnumerable<string> roles) =>
        await EndSessionsOnSuccessAsync(user, await base.RemoveFromRolesAsync(user, roles));

    /// <summary>An administrator's lock (a future end date). Lockout after failed sign-ins goes through the store, not here,
    /// so a stranger guessing passwords cannot sign the real user out.</summary>
    public override async Task<IdentityResult> SetLockoutEndDateAsync(AppUser user, DateTimeOffset? lockoutEnd)
    {
        var result = await base.SetLockoutEndDateAsync(user, lockoutEnd);
        return lockoutEnd > DateTimeOffset.UtcNow ? await EndSessionsOnSuccessAsync(user, result) : result;
    }

    private async Task<IdentityResult> EndSessionsOnSuccessAsync(AppUser user, IdentityResult result)
    {
        if (result.Succeeded)
        {
            var db = _services.GetRequiredService<AppDbContext>();
            if (_services.GetService<Sessions>() is { } sessions)
            {
                await sessions.EndAllAsync(db, user.Id, CancellationToken);
            }
            else
            {
                await Sessions.DeleteAllAsync(db, user.Id, CancellationToken);
            }
        }
        return result;
    }
}
