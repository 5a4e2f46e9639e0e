using Microsoft.AspNetCore.Identity;

namespace ELearning.Web.Accounts;

/// <summary>A practitioner's account with the profile agencies report on.</summary>
internal sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2 code, or empty when not given.</summary>
    public string Country { get; set; } = "";
    public Profession Profession { get; set; }
    public string Institution { get; set; } = "";
    public DateTime RegisteredAt { get; set; }
}

internal enum Profession
{
    Other,
    Prosecutor,
    Judge,
    PoliceOfficer,
    LabourInspector,
    SocialWorker,
}

internal static class Roles
{
    public const string Learner = nameof(Learner);
    public const string Trainer = nameof(Trainer);
    public const string Admin = nameof(Admin);

    public static IReadOnlyList<string> All { get; } = [Learner, Trainer, Admin];
}
