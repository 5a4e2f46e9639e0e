using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ELearning.Content.Catalog;
using ELearning.Theming;
using ELearning.Web.Courses;
using ELearning.Web.Templates;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using QRCoder;

namespace ELearning.Web.Certificates;

/// <summary><c>Certificates:AccentColour</c> and <c>Certificates:InkColour</c>: the colours of the PDF and HTML certificate.</summary>
internal sealed class CertificateDocumentOptions
{
    public const string Section = "Certificates";

    [RegularExpression("^#[0-9a-fA-F]{6}$")]
    public string AccentColour { get; set; } = "#1f4e79";

    [RegularExpression("^#[0-9a-fA-F]{6}$")]
    public string InkColour { get; set; } = "#1a1a1a";
}

/// <summary>
/// Builds the one model a certificate is printed from (<see cref="CertificateDocumentView"/>) and prints it as PDF
/// (<see cref="CertificatePdf"/>) or HTML (the theme's <c>certificate.cshtml</c>).
/// </summary>
internal sealed class CertificateDocuments(
    Theme theme, ThemeTemplates templates, ContentFiles content, IStringLocalizer<Strings> l, IOptions<CertificateDocumentOptions> options)
{
    /// <summary>The theme's optional logo, looked up like a template (override folder first).</summary>
    public const string LogoFile = "certificate-logo.png";

    private const long MaxImageBytes = 2 * 1024 * 1024;

    public CertificateDocumentView View(Certificate certificate, Uri? verificationUrl, string? pdfUrl)
    {
        var culture = CultureInfo.CurrentCulture;
        List<string> details = [string.Format(culture, l["CertificateCompletedOn"], certificate.CompletedAt.ToString("d MMMM yyyy", culture))];
        if (certificate.Hours is { } hours)
        {
            details.Add(string.Format(culture, l["CertificateHours"], hours.ToString("0.##", culture)));
        }
        if (certificate.ScorePercent is { } score)
        {
            details.Add(string.Format(culture, l["CertificateScore"], score.ToString("0.#", culture)));
        }
        var url = verificationUrl?.AbsoluteUri;
        return new CertificateDocumentView(
            certificate.HolderName,
            certificate.Title,
            string.Join(" · ", details),
            certificate.IssuerName,
            Blank(certificate.IssuerAddress),
            Blank(certificate.SignatoryName),
            Blank(certificate.SignatoryRole),
            Signature(certificate.SignatureImage),
            ReadImage(templates.FindFile(LogoFile)),
            CertificateCodes.Display(certificate.Code),
            url,
            url is null ? null : QrCode(url),
            pdfUrl,
            new CertificateStyle(options.Value.AccentColour, options.Value.InkColour, "#555555",
                theme.AssetUrl("fonts/DejaVuSerif.ttf"), theme.AssetUrl("fonts/DejaVuSerif-Bold.ttf"), theme.AssetUrl("fonts/DejaVuSerif-Italic.ttf")),
            new CertificateTexts(l["CertificateHeading"], l["CertificateCertifies"], l["CertificateHasCompleted"], l["CertificateCode"],
                l["CertificateVerifyAt"], l["CertificateDownloadPdf"]));
    }

    public byte[] Pdf(CertificateDocumentView view)
    {
        ThemeFontResolver.Install(theme.Assets);
        return CertificatePdf.Render(view);
    }

    public Task<string> HtmlAsync(CertificateDocumentView view) => templates.RenderAsync("certificate", view);

    /// <summary>Upper case without separators, as stored; null when it cannot be a code.</summary>
    public static string? NormaliseCode(string? code)
    {
        var normal = new string((code ?? "").Where(c => c is not ('-' or ' ')).ToArray()).ToUpperInvariant();
        return normal.Length is > 0 and <= Certificate.CodeLength && normal.All(char.IsAsciiLetterOrDigit) ? normal : null;
    }

    /// <summary>
    /// A QR code as a 32-bit RGBA PNG (PDFsharp does not read QRCoder's 1-bit PNG); the same bytes go into the PDF and the
    /// HTML. Error correction M: still readable when printed small or slightly creased.
    /// </summary>
    public static DocumentImage QrCode(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8, [0x00, 0x00, 0x00, 0xFF], [0xFF, 0xFF, 0xFF, 0xFF]);
        return new DocumentImage(png, "image/png");
    }

    /// <summary>The signature image named by the rule, from the content folder (never a link out of it); null when missing.</summary>
    private DocumentImage? Signature(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Contains("..", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }
        var file = content.Provider.GetFileInfo(path);
        var real = file.PhysicalPath is null ? null : ContentPaths.RealPath(file.PhysicalPath);
        return !file.Exists || file.IsDirectory || real is null || ContentPaths.Refusal(content.RealRoot, real, media: true) is not null
            ? null
            : ReadImage(real);
    }

    /// <summary>PNG or JPEG only (what PDFsharp and every browser read), up to 2 MB.</summary>
    private static DocumentImage? ReadImage(string? path)
    {
        if (path is null || !File.Exists(path) || new FileInfo(path).Length > MaxImageBytes)
        {
            return null;
        }
        var bytes = File.ReadAllBytes(path);
        return bytes switch
        {
            [0x89, 0x50, 0x4E, 0x47, ..] => new DocumentImage(bytes, "image/png"),
            [0xFF, 0xD8, 0xFF, ..] => new DocumentImage(bytes, "image/jpeg"),
            _ => null,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
