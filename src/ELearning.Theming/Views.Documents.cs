namespace ELearning.Theming;

// Models of the RazorLight templates (certificate HTML, mails) under themes/<Theme>/templates. Public because the
// templates are compiled at run time into their own assembly. Texts are formatted by the app, so the PDF and the HTML
// print exactly the same words.

/// <summary>An image handed to a document: the bytes as embedded in the PDF, and the same bytes as a data URI for the HTML.</summary>
public sealed record DocumentImage(byte[] Bytes, string ContentType)
{
    public string DataUri => $"data:{ContentType};base64,{Convert.ToBase64String(Bytes)}";
}

/// <summary>Colours (CSS hex, <c>#rrggbb</c>) and font addresses shared by the PDF and the HTML certificate.</summary>
public sealed record CertificateStyle(string Accent, string Ink, string Muted, string FontRegularUrl, string FontBoldUrl, string FontItalicUrl);

/// <summary>The fixed words printed on a certificate, in the learner's language.</summary>
public sealed record CertificateTexts(string Heading, string Certifies, string HasCompleted, string CodeLabel, string VerifyAt, string DownloadPdf);

/// <summary>
/// One certificate as printed: the PDF drawer and <c>certificate.cshtml</c> both read this. <see cref="Details"/> is the
/// line under the title (completion date, hours, score), already joined.
/// </summary>
public sealed record CertificateDocumentView(
    string HolderName,
    string Title,
    string Details,
    string IssuerName,
    string? IssuerAddress,
    string? SignatoryName,
    string? SignatoryRole,
    DocumentImage? Signature,
    DocumentImage? Logo,
    string GroupedCode,
    string? VerificationUrl,
    DocumentImage? QrCode,
    string? PdfUrl,
    CertificateStyle Style,
    CertificateTexts Texts);

/// <summary><c>password-reset.cshtml</c>.</summary>
public sealed record PasswordResetMail(string Name, string ResetLink);

/// <summary><c>invitation.cshtml</c>: an invitation to join a cohort. <c>Expires</c> is formatted by the app (UTC).</summary>
public sealed record InvitationMail(string CohortName, string JoinLink, string Expires, string InviterName, string? RecipientName)
{
    /// <summary>The invitation's code, which can also be typed when registering; null where there is none to give.</summary>
    public string? Code { get; init; }
}

/// <summary><c>certificate-issued.cshtml</c>: links to the learner's page and to the public verification page.</summary>
public sealed record CertificateIssuedMail(string HolderName, string Title, string DashboardLink, string PublicLink);
