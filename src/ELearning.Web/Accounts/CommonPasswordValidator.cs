using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace ELearning.Web.Accounts;

/// <summary>
/// ASVS 5.0 (6.2.4, 6.2.11): refuse the most common passwords and ones made of the user's own email or name,
/// instead of composition rules, which push people to predictable patterns.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly FrozenSet<string> CommonPasswords = Load();

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var normalized = password.Trim().ToLowerInvariant();
        if (CommonPasswords.Contains(normalized))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordCommon", Description = "PasswordCommon" }));
        }
        var email = user.Email?.ToLowerInvariant();
        var localPart = email?.Split('@')[0];
        if ((email is { Length: > 0 } && normalized.Contains(email, StringComparison.Ordinal))
            || (localPart is { Length: >= 4 } && normalized == localPart))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsEmail", Description = "PasswordContainsEmail" }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("ELearning.Web.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
