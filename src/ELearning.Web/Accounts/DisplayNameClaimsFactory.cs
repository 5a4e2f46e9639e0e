using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ELearning.Web.Accounts;

/// <summary>Puts the display name (and whether two-step sign-in is on) in the cookie so no request needs a database read for them.</summary>
internal sealed class DisplayNameClaimsFactory(
    UserManager<AppUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    public const string ClaimType = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimType, user.DisplayName));
        // Lets the enrolment check (TwoFactorEnrolment) decide without a database read per request.
        // A passkey counts as the second factor too (docs/decisions.md); one read, at sign-in and refresh only.
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorEnrolment.ClaimType, "1"));
        }
        else if (await PasskeyEndpoints.HasPasskeyAsync(UserManager, user))
        {
            identity.AddClaim(new Claim(TwoFactorEnrolment.ClaimType, TwoFactorEnrolment.PasskeyOnly));
        }
        return identity;
    }
}
