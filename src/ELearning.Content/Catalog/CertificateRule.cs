namespace ELearning.Content.Catalog;

/// <summary>
/// The <c>certificate:</c> block of <c>course.yml</c> or <c>module.yml</c>: completing that course or module issues a
/// certificate with these texts. Null on a course or module without the block (no certificate is issued for it).
/// </summary>
/// <param name="Title">The certificate's title, e.g. the course or module name.</param>
/// <param name="Hours">CPD hours printed on it, or null.</param>
/// <param name="IssuerName">The issuing organisation.</param>
/// <param name="IssuerAddress">Its postal address, or null.</param>
/// <param name="SignatoryName">Who signs it, or null.</param>
/// <param name="SignatoryRole">The signatory's role, or null.</param>
/// <param name="PrintScore">Whether the module grade is printed.</param>
/// <param name="SignatureImage">Path of an image relative to the content root (under the module's or course's <c>media/</c>), or null.</param>
/// <param name="ValidForMonths">Months from the issue date until the certificate expires (recertification), or null for no expiry.</param>
public sealed record CertificateRule(
    string Title,
    decimal? Hours,
    int? ValidForMonths,
    string IssuerName,
    string? IssuerAddress,
    string? SignatoryName,
    string? SignatoryRole,
    string? SignatureImage,
    bool PrintScore);
