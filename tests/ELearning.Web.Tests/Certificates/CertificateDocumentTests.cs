using System.Net;
using ELearning.Web.Certificates;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig.Tokens;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace ELearning.Web.Tests.Certificates;

public sealed class CertificateDocumentTests
{
    internal const string Holder = "Ștefan Łukasz Núñez Çelik Öz";
    internal const string Title = "Hearing victims of trafficking: ș ț ă î â ż ś ń ë";
    private const string PublicUrl = "https://learn.example.org/";

    /// <summary>Inserts a certificate for the account with <paramref name="email"/>, as the issuing feature would.</summary>
    internal static async Task<string> IssueAsync(
        TestApp app, string email, string code = "7KQM2XRTW4HNJ9PCB6DFGZVS3Y", bool revoked = false, string? signatureImage = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<Web.Accounts.AppUser>>().FindByEmailAsync(email);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Certificates.Add(new Certificate
        {
            Code = code,
            UserId = user!.Id,
            CourseSlug = "thb",
            ModuleSlug = "hearing",
            Round = 1,
            HolderName = Holder,
            Title = Title,
            Hours = 12.5m,
            ScorePercent = 86m,
            IssuerName = "Agenția Națională împotriva Traficului de Persoane",
            IssuerAddress = "Str. Ștefan cel Mare 1, București",
            SignatoryName = "Ioana Mureșan",
            SignatoryRole = "Director",
            SignatureImage = signatureImage,
            CompletedAt = new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc),
            IssuedAt = new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc),
            RevokedAt = revoked ? new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc) : null,
            StatusIndex = code.GetHashCode(StringComparison.Ordinal) & 0xFFFF,
        });
        await db.SaveChangesAsync();
        return code;
    }

    private static async Task<TestClient> SignedInAsync(TestApp app, string email, params string[] roles)
    {
        await app.CreateUserAsync(email, TestData.Password, roles);
        var browser = app.CreateBrowser();
        using var login = await browser.LoginAsync(email, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    private static async Task<byte[]> DownloadAsync(TestClient browser, string url)
    {
        using var response = await browser.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task TheHolderDownloadsAPdfWithTheirNameInDiacriticsTheTitleHoursScoreAndCode()
    {
        using var app = new TestApp(settings: new() { ["App:PublicUrl"] = PublicUrl });
        using var browser = await SignedInAsync(app, "stefan@example.eu");
        var code = await IssueAsync(app, "stefan@example.eu");

        using var response = await browser.Http.GetAsync($"/me/certificates/{code}.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("certificate-hearing-victims-of-trafficking-s-t-a-i-a-z-s-n-e-7KQM2XRT.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        using var pdf = PigDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var page = pdf.GetPage(1);
        // A4 landscape, in points.
        Assert.Equal(842, page.Width, 0);
        Assert.Equal(595, page.Height, 0);
        var text = string.Join(" ", page.GetWords().Select(w => w.Text));
        Assert.Contains(Holder, text, StringComparison.Ordinal);
        Assert.Contains(Title, text, StringComparison.Ordinal);
        Assert.Contains("12.5 hours", text, StringComparison.Ordinal);
        Assert.Contains("Score 86%", text, StringComparison.Ordinal);
        Assert.Contains("Completed on 27 November 2026", text, StringComparison.Ordinal);
        Assert.Contains("7KQM-2XRT-W4HN-J9PC-B6DF-GZVS-3Y", text, StringComparison.Ordinal);
        Assert.Contains("Ioana Mureșan", text, StringComparison.Ordinal);
        Assert.Contains("Str. Ștefan cel Mare 1, București", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryFontInThePdfIsEmbeddedSoItPrintsWithoutSystemFonts()
    {
        using var app = new TestApp(settings: new() { ["App:PublicUrl"] = PublicUrl });
        using var browser = await SignedInAsync(app, "stefan@example.eu");
        var code = await IssueAsync(app, "stefan@example.eu");

        using var pdf = PigDocument.Open(await DownloadAsync(browser, $"/me/certificates/{code}.pdf"));
        var page = pdf.GetPage(1);
        var resources = Resolve<DictionaryToken>(pdf, page.Dictionary.Data[NameToken.Resources.Data]);
        var fonts = Resolve<DictionaryToken>(pdf, resources.Data[NameToken.Font.Data]);
        Assert.NotEmpty(fonts.Data);
        foreach (var reference in fonts.Data.Values)
        {
            var font = Resolve<DictionaryToken>(pdf, reference);
            // Unicode text is written with a Type0 font over a CID font whose descriptor holds the TrueType program.
            var descendants = Resolve<ArrayToken>(pdf, font.Data[NameToken.DescendantFonts.Data]);
            var cidFont = Resolve<DictionaryToken>(pdf, descendants.Data[0]);
            var descriptor = Resolve<DictionaryToken>(pdf, cidFont.Data[NameToken.FontDescriptor.Data]);
            Assert.True(descriptor.Data.ContainsKey(NameToken.FontFile2.Data), $"{descriptor.Data[NameToken.FontName.Data]} is not embedded");
            Assert.Contains("DejaVu Serif", descriptor.Data[NameToken.FontName.Data].ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheQrCodePrintedInThePdfDecodesToThePublicVerificationPage()
    {
        using var app = new TestApp(settings: new() { ["App:PublicUrl"] = PublicUrl });
        using var browser = await SignedInAsync(app, "stefan@example.eu");
        var code = await IssueAsync(app, "stefan@example.eu");

        using var pdf = PigDocument.Open(await DownloadAsync(browser, $"/me/certificates/{code}.pdf"));
        var image = Assert.Single(pdf.GetPage(1).GetImages());
        Assert.True(image.TryGetBytesAsMemory(out var samples), "the QR image's samples could not be decoded");
        var luminance = new RGBLuminanceSource(Gray(image, samples.Span), image.WidthInSamples, image.HeightInSamples, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(luminance)));
        Assert.NotNull(result);
        Assert.Equal($"https://learn.example.org/certificates/{code}", result.Text);
    }

    [Fact]
    public async Task TheSignatureFromTheModulesMediaAndTheDeploymentsLogoArePrintedInThePdfAndTheHtml()
    {
        var png = CertificateDocuments.QrCode("a stand-in image").Bytes;
        var templates = Path.Combine(Path.GetTempPath(), "elearning-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(templates);
        try
        {
            File.WriteAllBytes(Path.Combine(templates, CertificateDocuments.LogoFile), png);
            using var app = new TestApp(
                settings: new() { ["App:PublicUrl"] = PublicUrl, ["Theme:TemplatesOverride"] = templates },
                prepare: content =>
                {
                    Directory.CreateDirectory(Path.Combine(content, "thb/01-hearing/media"));
                    File.WriteAllBytes(Path.Combine(content, "thb/01-hearing/media/signature.png"), png);
                });
            using var browser = await SignedInAsync(app, "stefan@example.eu");
            var code = await IssueAsync(app, "stefan@example.eu", signatureImage: "thb/01-hearing/media/signature.png");

            using var pdf = PigDocument.Open(await DownloadAsync(browser, $"/me/certificates/{code}.pdf"));
            // Logo, signature and QR code.
            Assert.Equal(3, pdf.GetPage(1).GetImages().Count());
            var (_, page) = await browser.GetPageAsync($"/me/certificates/{code}");
            Assert.StartsWith("data:image/png;base64,", page.QuerySelector(".signature img")!.GetAttribute("src"), StringComparison.Ordinal);
            Assert.StartsWith("data:image/png;base64,", page.QuerySelector("img.logo")!.GetAttribute("src"), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(templates, recursive: true);
        }
    }

    [Fact]
    public async Task ASignaturePathOutsideTheContentFolderIsLeftOffTheCertificate()
    {
        using var app = new TestApp(settings: new() { ["App:PublicUrl"] = PublicUrl });
        File.WriteAllBytes(Path.Combine(app.Directory.Root, "secret.png"), CertificateDocuments.QrCode("x").Bytes);
        using var browser = await SignedInAsync(app, "stefan@example.eu");
        var code = await IssueAsync(app, "stefan@example.eu", signatureImage: "../secret.png");

        using var pdf = PigDocument.Open(await DownloadAsync(browser, $"/me/certificates/{code}.pdf"));
        // The QR code only.
        Assert.Single(pdf.GetPage(1).GetImages());
    }

    [Fact]
    public async Task AnotherLearnerGetsNotFoundAndAVisitorIsAskedToSignInForSomeoneElsesCertificate()
    {
        using var app = new TestApp();
        using var holder = await SignedInAsync(app, "stefan@example.eu");
        var code = await IssueAsync(app, "stefan@example.eu");
        using var other = await SignedInAsync(app, "ana@example.eu");
        using var visitor = app.CreateBrowser();

        foreach (var url in new[] { $"/me/certificates/{code}.pdf", $"/me/certificates/{code}" })
        {
            using var byOther = await other.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
            // Signed out: sign in first, as everywhere under /me (whatever the code, so nothing is revealed).
            using var byVisitor = await visitor.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, byVisitor.StatusCode);
            Assert.StartsWith("/Account/Login", TestClient.LocalPath(byVisitor.Headers.Location), StringComparison.Ordinal);
            using var byHolder = await holder.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, byHolder.StatusCode);
        }
        using var unknown = await holder.Http.GetAsync("/me/certificates/AAAABBBBCCCC.pdf");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var garbage = await holder.Http.GetAsync("/me/certificates/%3Cscript%3E.pdf");
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
    }

    [Fact]
    public async Task AnAdminMayOpenAnyCertificateForSupportButTheHolderNoLongerARevokedOne()
    {
        using var app = new TestApp();
        using var holder = await SignedInAsync(app, "stefan@example.eu");
        var code = await IssueAsync(app, "stefan@example.eu", revoked: true);
        using var admin = await SignedInAsync(app, "admin@example.eu", "Admin");

        using var byAdmin = await admin.Http.GetAsync($"/me/certificates/{code}.pdf");
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        using var byHolder = await holder.Http.GetAsync($"/me/certificates/{code}.pdf");
        Assert.Equal(HttpStatusCode.NotFound, byHolder.StatusCode);
    }

    [Fact]
    public async Task TheHtmlVersionCarriesTheSameTextsAndPrintsOnA4Landscape()
    {
        using var app = new TestApp(settings: new() { ["App:PublicUrl"] = PublicUrl });
        using var browser = await SignedInAsync(app, "stefan@example.eu");
        // Lower case and grouped, as a learner might type it.
        var code = await IssueAsync(app, "stefan@example.eu");

        using var response = await browser.Http.GetAsync("/me/certificates/7kqm-2xrt-w4hn-j9pc-b6df-gzvs-3y");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal(Holder, document.QuerySelector(".holder")!.TextContent);
        Assert.Equal(Title, document.QuerySelector(".title")!.TextContent);
        Assert.Equal("Completed on 27 November 2026 · 12.5 hours · Score 86%", document.QuerySelector(".details")!.TextContent);
        Assert.Equal("7KQM-2XRT-W4HN-J9PC-B6DF-GZVS-3Y", document.QuerySelector(".code")!.TextContent);
        Assert.Contains($"https://learn.example.org/certificates/{code}", document.QuerySelector(".url")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", document.QuerySelector(".verify img")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal($"/me/certificates/{code}.pdf", document.QuerySelector(".toolbar a")!.GetAttribute("href"));
        Assert.Contains("@page { size: A4 landscape", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        // Its own policy: inline styles and data images only; never a script.
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script", policy, StringComparison.Ordinal);
        // The embedded font is served by the app.
        var font = document.QuerySelector("style")!.TextContent.Split('"').First(s => s.StartsWith("/theme/fonts/DejaVuSerif.ttf", StringComparison.Ordinal));
        using var fontResponse = await browser.Http.GetAsync(font);
        Assert.Equal(HttpStatusCode.OK, fontResponse.StatusCode);
    }

    /// <summary>One grey byte per pixel from the image's samples as stored in the PDF: 8-bit RGB or grey, or an indexed palette of 1 to 8 bits.</summary>
    private static byte[] Gray(UglyToad.PdfPig.Content.IPdfImage image, ReadOnlySpan<byte> samples)
    {
        var (width, height, bits) = (image.WidthInSamples, image.HeightInSamples, image.BitsPerComponent);
        var gray = new byte[width * height];
        if (image.ColorSpaceDetails is UglyToad.PdfPig.Graphics.Colors.IndexedColorSpaceDetails indexed)
        {
            var palette = indexed.ColorTable.ToArray();
            var perEntry = indexed.BaseNumberOfColorComponents;
            var stride = ((width * bits) + 7) / 8;
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var bit = x * bits;
                    var index = (samples[(y * stride) + (bit / 8)] >> (8 - bits - (bit % 8))) & ((1 << bits) - 1);
                    gray[(y * width) + x] = palette[index * perEntry]; // black or white: the first component is enough
                }
            }
            return gray;
        }
        Assert.Equal(8, bits);
        var components = samples.Length / (width * height);
        for (var i = 0; i < gray.Length; i++)
        {
            gray[i] = samples[i * components];
        }
        return gray;
    }

    private static T Resolve<T>(PigDocument pdf, IToken token)
        where T : IToken =>
        token is IndirectReferenceToken reference ? Resolve<T>(pdf, pdf.Structure.GetObject(reference.Data).Data) : (T)token;
}
