using System.Security.Cryptography;

namespace ELearning.Web.Certificates;

/// <summary>
/// Verification codes: 28 characters of Crockford's base32 (5 random bits each, 140 bits from the operating system's
/// CSPRNG), so a code cannot be guessed or enumerated. Stored normalised (upper case, no separators); shown in groups of
/// four (<c>7KQM-2P9X-…</c>). Typed codes are read case-insensitively, with or without dashes and spaces, and with the
/// letters Crockford maps to digits (I and L read as 1, O as 0).
/// </summary>
internal static class CertificateCodes
{
    /// <summary>Crockford's alphabet: digits and letters without I, L, O and U.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int Length = 28;
    private const int GroupLength = 4;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The stored form of a typed or linked code, or null when it cannot be a code (wrong length or letters).</summary>
    public static string? Normalise(string? input)
    {
        if (input is null || input.Length > 2 * Length + 8)
        {
            return null;
        }
        Span<char> code = stackalloc char[Length];
        var length = 0;
        foreach (var c in input)
        {
            if (c is '-' or ' ' or '\u00A0')
            {
                continue;
            }
            var upper = char.ToUpperInvariant(c) switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                var other => other,
            };
            if (length == Length || !Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }
            code[length++] = upper;
        }
        return length == Length ? new string(code) : null;
    }

    /// <summary>The code grouped for reading aloud and typing: <c>XXXX-XXXX-…</c>.</summary>
    public static string Display(string code) =>
        string.Join('-', Enumerable.Range(0, (code.Length + GroupLength - 1) / GroupLength)
            .Select(i => code.Substring(i * GroupLength, Math.Min(GroupLength, code.Length - i * GroupLength))));
}
