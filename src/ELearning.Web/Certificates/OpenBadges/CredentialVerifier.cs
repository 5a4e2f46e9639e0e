using System.Globalization;
using System.Text.Json;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ELearning.Web.Certificates.OpenBadges;

internal enum VerificationState
{
    Valid,

    /// <summary>Not a credential at all (empty, too large, not a JWT): the caller answers with a 400-level status.</summary>
    Malformed,
    ForeignKey,
    Tampered,
    NotACertificate,
    Unknown,
    Mismatch,
    Revoked,
    Expired,
    NotYetValid,
}

/// <summary>What a credential says, shown beside the verdict.</summary>
internal sealed record CredentialFacts(
    string Code, string HolderName, string Title, string IssuerName, DateTime ValidFrom, DateTime? ValidUntil, decimal? Hours);

/// <summary>The verdict: <see cref="State"/> is the first problem found; <see cref="Problems"/> all of them, in plain words.</summary>
internal sealed record CredentialVerification(VerificationState State, IReadOnlyList<string> Problems, CredentialFacts? Facts)
{
    public bool IsValid => State == VerificationState.Valid;

    public static CredentialVerification Fail(VerificationState state, string problem, CredentialFacts? facts = null) => new(state, [problem], facts);
}

/// <summary>
/// Checks a credential that someone pasted or uploaded (the web page and <c>elearn certificates verify</c> share it):
/// it is a JWT, signed with ES256 by this issuer's key (the <c>kid</c> names our key's thumbprint), the signature
/// matches, the claims agree with the credential as Open Badges 3.0 requires, it matches a certificate in the
/// database, its bit in our status list is not set, and it has not expired (<see cref="TimeProvider"/>).
/// </summary>
internal sealed class CredentialVerifier(CredentialKey key, AppDbContext db, StatusLists statusLists, TimeProvider clock)
{
    /// <summary>Far above any credential this site issues (about 2 KB), far below the request limit.</summary>
    public const int MaxLength = 64 * 1024;

    private static readonly JsonWebTokenHandler Handler = new();

    public async Task<CredentialVerification> VerifyAsync(string? input, CancellationToken cancellationToken)
    {
        var text = string.Concat((input ?? "").Where(c => !char.IsWhiteSpace(c)));
        if (text.Length == 0)
        {
            return Malformed("Paste a credential or choose a file.");
        }
        if (text.Length > MaxLength)
        {
            return TooLarge;
        }
        if (text[0] is '{' or '[')
        {
            return Malformed("This is a credential in JSON without its signature. Verify the signed .jwt file downloaded from this site instead.");
        }
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(text);
        }
        catch (Exception error) when (error is ArgumentException or JsonException or FormatException or SecurityTokenException)
        {
            return Malformed("This is not a signed credential: expected a JWT (three parts separated by dots), like the .jwt file downloaded from this site.");
        }

        if (string.IsNullOrEmpty(token.EncodedSignature) || string.Equals(token.Alg, "none", StringComparison.OrdinalIgnoreCase))
        {
            return CredentialVerification.Fail(VerificationState.Tampered, "The credential is not signed.");
        }
        var kid = token.Kid ?? "";
        var thumbprint = kid[(kid.LastIndexOfAny(['/', '#']) + 1)..];
        if (token.Alg != SecurityAlgorithms.EcdsaSha256 || thumbprint != key.Thumbprint)
        {
            return CredentialVerification.Fail(VerificationState.ForeignKey, "Signed by a key that is not this issuer's: this site did not issue it.");
        }
        var validation = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = key.VerificationKey(kid),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            // Dates are checked below against TimeProvider, with their own words.
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
        });
        if (!validation.IsValid)
        {
            return CredentialVerification.Fail(VerificationState.Tampered, "The signature does not match: the credential was changed after it was issued.");
        }

        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload));
        var root = payload.RootElement;
        var types = Strings(root, "type");
        if (types.Contains("BitstringStatusListCredential"))
        {
            return CredentialVerification.Fail(VerificationState.NotACertificate, "This is this issuer's revocation list, not a certificate.");
        }
        if (!types.Contains("OpenBadgeCredential") || Read(root, "credentialSubject") is not { } subject
            || Read(subject, "achievement") is not { } achievement || String(root, "id") is not { } id)
        {
            return CredentialVerification.Fail(VerificationState.NotACertificate, "Signed by this issuer, but not an Open Badges certificate.");
        }

        var facts = new CredentialFacts(
            Code: id[(id.LastIndexOf('/') + 1)..],
            HolderName: Holder(subject) ?? "",
            Title: String(achievement, "name") ?? "",
            IssuerName: Read(root, "issuer") is { } issuer ? String(issuer, "name") ?? "" : "",
            ValidFrom: Date(root, "validFrom") ?? DateTime.MinValue,
            ValidUntil: Date(root, "validUntil"),
            Hours: Read(achievement, "creditsAvailable") is { ValueKind: JsonValueKind.Number } hours ? hours.GetDecimal() : null);

        // Open Badges 3.0, "Verify a Credential VC-JWT Signature": the JWT claims must repeat the credential.
        var consistent = String(root, "iss") == (Read(root, "issuer") is { } i ? String(i, "id") : null)
            && String(root, "jti") == id
            && String(root, "sub") == String(subject, "id")
            && Epoch(root, "nbf") == facts.ValidFrom
            && Epoch(root, "exp") == facts.ValidUntil;
        if (!consistent)
        {
            return CredentialVerification.Fail(VerificationState.Mismatch, "The credential contradicts itself (its dates or ids differ from its signed claims).", facts);
        }

        var code = facts.Code.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (certificate is null)
        {
            return CredentialVerification.Fail(VerificationState.Unknown, $"No certificate {facts.Code} was issued here.", facts);
        }
        var status = Read(root, "credentialStatus");
        var statusIndex = status is { } s && int.TryParse(String(s, "statusListIndex"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        var matches = certificate.HolderName == facts.HolderName
            && certificate.Title == facts.Title
            && Seconds(certificate.IssuedAt) == facts.ValidFrom
            && (certificate.ExpiresAt is { } e ? Seconds(e) : (DateTime?)null) == facts.ValidUntil
            && certificate.StatusIndex == statusIndex
            && status is { } st && String(st, "statusPurpose") == "revocation"
            && (String(st, "statusListCredential")?.EndsWith(CredentialUrls.StatusListPath, StringComparison.Ordinal) ?? false);
        if (!matches)
        {
            return CredentialVerification.Fail(VerificationState.Mismatch, $"The credential does not match certificate {facts.Code} in our records.", facts);
        }

        var problems = new List<(VerificationState State, string Text)>();
        var list = await statusLists.CurrentAsync(cancellationToken);
        if (list.IsRevoked(statusIndex))
        {
            var on = certificate.RevokedAt is { } revokedAt ? $" on {Words(revokedAt)}" : "";
            var reason = string.IsNullOrWhiteSpace(certificate.RevokedReason) ? "" : $": {certificate.RevokedReason.Trim()}";
            problems.Add((VerificationState.Revoked, $"Revoked{on}{reason}."));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (facts.ValidUntil is { } until && until <= now)
        {
            problems.Add((VerificationState.Expired, $"Expired on {Words(until)}."));
        }
        if (facts.ValidFrom > now)
        {
            problems.Add((VerificationState.NotYetValid, $"Not valid before {Words(facts.ValidFrom)}."));
        }
        return problems.Count == 0
            ? new CredentialVerification(VerificationState.Valid, [], facts)
            : new CredentialVerification(problems[0].State, [.. problems.Select(p => p.Text)], facts);
    }

    public static CredentialVerification TooLarge =>
        Malformed($"The credential is larger than {MaxLength / 1024} KB: it cannot be one that this site issued.");

    public static string Words(DateTime utc) => utc.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static CredentialVerification Malformed(string problem) => CredentialVerification.Fail(VerificationState.Malformed, problem);

    private static DateTime Seconds(DateTime value)
    {
        var utc = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
    }

    private static JsonElement? Read(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? String(JsonElement element, string name) =>
        Read(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static string[] Strings(JsonElement element, string name) => Read(element, name) switch
    {
        { ValueKind: JsonValueKind.String } one => [one.GetString()!],
        { ValueKind: JsonValueKind.Array } many => [.. many.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
        _ => [],
    };

    private static DateTime? Date(JsonElement element, string name) =>
        DateTime.TryParse(String(element, name), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;

    private static DateTime? Epoch(JsonElement element, string name) =>
        Read(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var seconds)
            && seconds is >= -62135596800 and <= 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
            : null;

    private static string? Holder(JsonElement subject) =>
        Read(subject, "identifier") is { ValueKind: JsonValueKind.Array } identifiers
            ? identifiers.EnumerateArray().Where(i => String(i, "identityType") == "name").Select(i => String(i, "identityHash")).FirstOrDefault()
            : null;
}
