using System.Collections.Frozen;
using System.IO.Compression;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace ELearning.Web.Accounts;

/// <summary>
/// ASVS 5.0 (6.2.4, 6.2.11, 6.2.12): refuse passwords that are easy to guess instead of imposing composition rules,
/// which push people to predictable patterns. In order: the user's own email, a repeated unit (<c>passwordpassword</c>),
/// a run (<c>123456789012</c>), the breached/common list, then the zxcvbn estimate.
/// </summary>
internal sealed class PasswordStrengthValidator : IPasswordValidator<AppUser>
{
    /// <summary>zxcvbn's 3 ("safely unguessable": about 10^8 guesses or more) is what its authors suggest for sign-up.</summary>
    public const int MinimumScore = 3;

    // zxcvbn's matching grows faster than linearly with length; a long passphrase is already strong at this prefix.
    private const int EstimatedPrefix = 64;

    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(Load);

    public static int CommonPasswordCount => CommonPasswords.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(Validate(user, password));

    public static IdentityResult Validate(AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success;
        }
        var normalized = password.Trim().ToLowerInvariant();
        var email = user.Email?.ToLowerInvariant();
        var localPart = email?.Split('@')[0];
        if ((email is { Length: > 0 } && normalized.Contains(email, StringComparison.Ordinal))
            || (localPart is { Length: >= 4 } && normalized == localPart))
        {
            return Failed("PasswordContainsEmail");
        }
        var compact = string.Concat(normalized.Where(c => !char.IsWhiteSpace(c)));
        if (IsRepetition(compact))
        {
            return Failed("PasswordRepeated");
        }
        if (IsRun(compact))
        {
            return Failed("PasswordSequence");
        }
        if (CommonPasswords.Value.Contains(normalized) || CommonPasswords.Value.Contains(compact))
        {
            return Failed("PasswordCommon");
        }
        string[] userInputs = [.. new[] { email, localPart, user.DisplayName, user.Institution }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!)];
        var estimate = Zxcvbn.Zxcvbn.MatchPassword(password.Length > EstimatedPrefix ? password[..EstimatedPrefix] : password, userInputs);
        return estimate.Score < MinimumScore ? Failed("PasswordGuessable") : IdentityResult.Success;
    }

    /// <summary>The reader's message for a password error, from the resources; Identity's English text for other codes.</summary>
    public static string Describe(IStringLocalizer localizer, IdentityError error, int requiredLength) => error.Code switch
    {
        "PasswordTooShort" => localizer["PasswordTooShort", requiredLength],
        "PasswordCommon" or "PasswordContainsEmail" or "PasswordRepeated" or "PasswordSequence" or "PasswordGuessable" => localizer[error.Code],
        _ => error.Description,
    };

    /// <summary>The whole password is one shorter unit repeated: <c>aaaaaaaaaaaa</c>, <c>abcabcabcabc</c>, <c>passwordpassword</c>.</summary>
    internal static bool IsRepetition(string s)
    {
        for (var unit = 1; unit <= s.Length / 2; unit++)
        {
            if (s.Length % unit == 0 && s.AsSpan(unit).SequenceEqual(s.AsSpan(0, s.Length - unit)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Each character one step up (or each one step down) from the last: <c>123456789012</c>, <c>abcdefghijkl</c>, <c>987654321098</c>.</summary>
    internal static bool IsRun(string s)
    {
        if (s.Length < 3)
        {
            return false;
        }
        var step = Step(s[0], s[1]);
        if (step == 0)
        {
            return false;
        }
        for (var i = 2; i < s.Length; i++)
        {
            if (Step(s[i - 1], s[i]) != step)
            {
                return false;
            }
        }
        return true;

        static int Step(char a, char b)
        {
            // Digits wrap (…8, 9, 0, 1…), as people type them on the number row.
            if (char.IsAsciiDigit(a) && char.IsAsciiDigit(b))
            {
                var d = (b - a + 10) % 10;
                return d == 1 ? 1 : d == 9 ? -1 : 0;
            }
            return b - a is 1 or -1 ? b - a : 0;
        }
    }

    private static IdentityResult Failed(string code) => IdentityResult.Failed(new IdentityError { Code = code, Description = code });

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(PasswordStrengthValidator).Assembly.GetManifestResourceStream("ELearning.Web.Accounts.common-passwords.txt.gz")
            ?? throw new InvalidOperationException("The common password list is not embedded.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
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
