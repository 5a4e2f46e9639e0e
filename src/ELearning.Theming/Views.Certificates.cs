namespace ELearning.Theming;

// Certificates: the learner's list on /me, the notice after a completion issued one, and the public verification page.

public enum CertificateState
{
    Valid,
    Expired,
    Revoked,
}

/// <summary>One of the learner's certificates on <c>/me</c>, with its downloads. Dates are UTC.</summary>
public sealed record CertificateSummary(
    string Title,
    string Code,
    DateTime IssuedAt,
    DateTime? ExpiresAt,
    CertificateState State,
    DateTime? RevokedAt,
    string PageUrl,
    string PdfUrl,
    string CredentialUrl,
    string VerificationUrl);

/// <summary>The learner's certificates, newest first; <see cref="JustIssued"/> are those a completion has just issued.</summary>
public sealed record CertificateListView(IReadOnlyList<CertificateSummary> Certificates)
{
    public IReadOnlyList<CertificateSummary> JustIssued { get; init; } = [];

    /// <summary>Where the learner was when the certificate was issued (the lesson or the attempt's result), if known.</summary>
    public string? BackUrl { get; init; }

    /// <summary>Set where the notice shows off <c>/me</c> (an attempt's result page): the link to the learner's certificates.</summary>
    public string? DashboardUrl { get; init; }
}

/// <summary>
/// The public verification page of one certificate: what a verifier needs, and nothing else about the learner.
/// Dates are UTC; <see cref="Code"/> is grouped for reading.
/// </summary>
public sealed record CertificateVerificationView(
    string Code,
    CertificateState State,
    string HolderName,
    string Title,
    decimal? Hours,
    string IssuerName,
    string? IssuerAddress,
    DateTime IssuedAt,
    DateTime? ExpiresAt,
    DateTime? RevokedAt,
    string? RevokedReason);

/// <summary>The form on <c>/certificates</c> where a code is typed; <see cref="Typed"/> is set when it was malformed.</summary>
public sealed record CertificateLookupView(string? Typed, bool Malformed);
