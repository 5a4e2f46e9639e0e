using System.Globalization;
using ELearning.Theming;
using Microsoft.Extensions.FileProviders;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace ELearning.Web.Certificates;

/// <summary>
/// Draws a certificate on A4 landscape with PDFsharp (6.2.x, MIT). The boxes are those of the theme's
/// <c>certificate.cshtml</c>, in millimetres, so the PDF and the printed HTML look the same. Fonts come from the theme's
/// <c>fonts/</c> folder and are embedded; system fonts are never used.
/// </summary>
internal static class CertificatePdf
{
    /// <summary>The family name the drawing asks for; <see cref="ThemeFontResolver"/> maps it to the theme's files.</summary>
    public const string Family = "Certificate Serif";

    private const double PageWidth = 297, PageHeight = 210;

    public static byte[] Render(CertificateDocumentView view)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"{view.Title} · {view.HolderName}";
        document.Info.Author = view.IssuerName;
        document.Info.Subject = view.GroupedCode;
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(PageWidth);
        page.Height = XUnit.FromMillimeter(PageHeight);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            Draw(gfx, view);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Draw(XGraphics gfx, CertificateDocumentView view)
    {
        var accent = Colour(view.Style.Accent);
        var ink = new XSolidBrush(Colour(view.Style.Ink));
        var muted = new XSolidBrush(Colour(view.Style.Muted));
        var accentBrush = new XSolidBrush(accent);

        // Frames: a thick outer one and a thin inner one (.frame, .frame-inner); the pen is centred on the box edge.
        gfx.DrawRectangle(new XPen(accent, Mm(1.5)), Box(10.75, 10.75, PageWidth - 21.5, PageHeight - 21.5));
        gfx.DrawRectangle(new XPen(accent, Mm(0.3)), Box(13.15, 13.15, PageWidth - 26.3, PageHeight - 26.3));

        if (view.Logo is not null)
        {
            DrawImage(gfx, view.Logo, Box(20, 18, 60, 18), alignLeft: true);
        }

        Centred(gfx, view.Texts.Heading.ToUpper(CultureInfo.CurrentCulture), Font(24, XFontStyleEx.Bold), accentBrush, 32);
        Centred(gfx, view.Texts.Certifies, Font(13, XFontStyleEx.Italic), muted, 55);
        Centred(gfx, view.HolderName, Font(30, XFontStyleEx.Bold), ink, 66);
        Centred(gfx, view.Texts.HasCompleted, Font(13, XFontStyleEx.Italic), muted, 88);
        Wrapped(gfx, view.Title, Font(20, XFontStyleEx.Bold), accentBrush, Box(25, 99, 247, 22));
        Centred(gfx, view.Details, Font(12, XFontStyleEx.Regular), ink, 124);

        if (view.SignatoryName is not null)
        {
            if (view.Signature is not null)
            {
                DrawImage(gfx, view.Signature, Box(25, 150, 80, 20), alignLeft: false);
            }
            gfx.DrawLine(new XPen(Colour(view.Style.Ink), Mm(0.3)), Mm(25), Mm(171), Mm(105), Mm(171));
            gfx.DrawString(view.SignatoryName, Font(10, XFontStyleEx.Bold), ink, Box(25, 172.5, 80, 5), XStringFormats.TopCenter);
            if (view.SignatoryRole is not null)
            {
                Wrapped(gfx, view.SignatoryRole, Font(10, XFontStyleEx.Regular), ink, Box(25, 177, 80, 10));
            }
        }

        // A long issuer name takes two lines, as it does in the HTML box of the same width; the address moves down.
        var issuerFont = Font(10, XFontStyleEx.Bold);
        var issuerLines = gfx.MeasureString(view.IssuerName, issuerFont).Width > Mm(80) ? 2 : 1;
        Wrapped(gfx, view.IssuerName, issuerFont, ink, Box(108, 171, 80, 4.5 * issuerLines));
        if (view.IssuerAddress is not null)
        {
            Wrapped(gfx, view.IssuerAddress, Font(10, XFontStyleEx.Regular), ink, Box(108, 171 + (4.5 * issuerLines), 80, 12));
        }

        if (view.QrCode is not null)
        {
            DrawImage(gfx, view.QrCode, Box(221.5, 143, 32, 32), alignLeft: false);
        }
        gfx.DrawString(view.Texts.CodeLabel, Font(8, XFontStyleEx.Regular), muted, Box(195, 176, 85, 4), XStringFormats.TopCenter);
        gfx.DrawString(view.GroupedCode, Font(9, XFontStyleEx.Bold), ink, Box(195, 179.5, 85, 4.5), XStringFormats.TopCenter);
        if (view.VerificationUrl is not null)
        {
            // The formatter breaks lines at spaces only: a URL too wide for the box is broken before its last segment (the code).
            var font = Font(7, XFontStyleEx.Regular);
            var line = $"{view.Texts.VerifyAt} {view.VerificationUrl}";
            var cut = view.VerificationUrl.LastIndexOf('/') + 1;
            if (gfx.MeasureString(line, font).Width > Mm(85) && cut > 0)
            {
                line = $"{view.Texts.VerifyAt} {view.VerificationUrl[..cut]} {view.VerificationUrl[cut..]}";
            }
            Wrapped(gfx, line, font, muted, Box(195, 184, 85, 8));
        }
    }

    private static void Centred(XGraphics gfx, string text, XFont font, XBrush brush, double topMm) =>
        gfx.DrawString(text, font, brush, Box(25, topMm, 247, font.Size / 72 * 25.4 * 1.3), XStringFormats.TopCenter);

    private static void Wrapped(XGraphics gfx, string text, XFont font, XBrush brush, XRect box) =>
        new XTextFormatter(gfx) { Alignment = XParagraphAlignment.Center }.DrawString(text, font, brush, box, XStringFormats.TopLeft);

    /// <summary>Fits the image into the box keeping its proportions, centred (or at the left edge).</summary>
    private static void DrawImage(XGraphics gfx, DocumentImage image, XRect box, bool alignLeft)
    {
        using var stream = new MemoryStream(image.Bytes, writable: false);
        using var picture = XImage.FromStream(stream);
        var scale = Math.Min(box.Width / picture.PointWidth, box.Height / picture.PointHeight);
        var width = picture.PointWidth * scale;
        var height = picture.PointHeight * scale;
        var x = alignLeft ? box.X : box.X + ((box.Width - width) / 2);
        gfx.DrawImage(picture, x, box.Y + ((box.Height - height) / 2), width, height);
    }

    private static XFont Font(double size, XFontStyleEx style) => new(Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));

    private static double Mm(double mm) => mm * 72 / 25.4;

    private static XRect Box(double x, double y, double width, double height) => new(Mm(x), Mm(y), Mm(width), Mm(height));

    /// <summary><c>#rrggbb</c>; anything else is ink black (options validate the configured colours).</summary>
    private static XColor Colour(string hex) =>
        hex.Length == 7 && hex[0] == '#' && int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)
            ? XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF)
            : XColors.Black;
}

/// <summary>
/// PDFsharp's font source: the theme's <c>fonts/</c> files, whatever family is asked for. PDFsharp's resolver is one per
/// process, so the first theme to render sets it; the shipped theme's fonts cover the Latin, Greek and Cyrillic letters
/// of every EU language (ș ț ă î â ł ż ś ń ñ é ë ç ö …).
/// </summary>
internal sealed class ThemeFontResolver(IFileProvider assets) : IFontResolver
{
    private const string Regular = "DejaVuSerif", Bold = "DejaVuSerif-Bold", Italic = "DejaVuSerif-Italic";
    private static readonly Lock Gate = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    /// <summary>Installs the resolver once per process (PDFsharp refuses a second one after fonts were used).</summary>
    public static void Install(IFileProvider assets)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not ThemeFontResolver)
            {
                GlobalFontSettings.FontResolver = new ThemeFontResolver(assets);
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        (isBold, isItalic) switch
        {
            (true, true) => new FontResolverInfo(Bold, mustSimulateBold: false, mustSimulateItalic: true),
            (true, false) => new FontResolverInfo(Bold),
            (false, true) => new FontResolverInfo(Italic),
            _ => new FontResolverInfo(Regular),
        };

    public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, name =>
    {
        var file = assets.GetFileInfo($"fonts/{name}.ttf");
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The theme ships no font fonts/{name}.ttf.");
        }
        using var stream = file.CreateReadStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
