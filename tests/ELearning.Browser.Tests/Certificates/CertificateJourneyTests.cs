using System.Text.RegularExpressions;
using ELearning.Browser.Tests.Assessments;
using ELearning.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using OtpNet;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics.Colors;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using static Microsoft.Playwright.Assertions;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace ELearning.Browser.Tests.Certificates;

/// <summary>
/// Issue 8's journey, as new users would go through it: a learner passes a module, downloads the PDF from /me, and its
/// QR code opens the public page, which says "valid"; after an admin (made with the CLI, two-step sign-in set up on
/// the way in) revokes the certificate with a reason, the same page says "revoked".
/// </summary>
public sealed class CertificateJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Course = "countering-thb";
    private const string Module = "legal-framework";

    [BrowserFact]
    public async Task ALearnersPdfQrCodeOpensThePublicPageWhichSaysValidThenRevokedAfterAnAdminRevokesIt()
    {
        var module = app.Catalog.FindCourse(Course)?.FindModule(Module);
        Assert.NotNull(module?.Assessment);
        Assert.NotNull(module.Certificate);
        await using var learnerContext = await app.NewContextAsync();
        var learner = await learnerContext.NewPageAsync();
        await Learner.RegisterAndSignInAsync(learner, Learner.NewEmail("certificate"));

        // Every lesson of the module, then its assessment, passed.
        foreach (var lesson in module.Lessons)
        {
            await learner.GotoAsync($"/courses/{Course}/{Module}/{lesson.Slug}?warning=accepted");
            await Navigation.SubmitAsync(learner, () => learner.GetByRole(AriaRole.Button, new() { Name = "Mark lesson as complete", Exact = true }).ClickAsync());
            await Expect(learner.Locator("#lesson-status")).ToContainTextAsync("You completed this lesson.");
        }
        await learner.GotoAsync(AttemptDriver.Url(module.Assessment));
        var attempt = new AttemptDriver(learner, module.Assessment);
        await attempt.StartAsync("Start the assessment");
        await attempt.AnswerEveryPageAsync(right: true);
        await attempt.SubmitAttemptAsync();
        await Expect(attempt.ResultRegion.GetByText("Passed", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(learner.Locator(".certificate-issued")).ToContainTextAsync($"Certificate issued: {module.Certificate.Title}");

        // The PDF, downloaded from /me as a learner does, and the address its QR code holds.
        await learner.GotoAsync("/me");
        var download = await learner.RunAndWaitForDownloadAsync(() =>
            learner.Locator("#certificates a").Filter(new() { HasTextRegex = new Regex("^PDF$") }).First.ClickAsync());
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        var verification = QrCodeIn(pdf);
        Assert.Matches(new Regex("^" + Regex.Escape(new Uri(new Uri(learner.Url), "/certificates/").ToString()) + "[0-9A-Z]+$"), verification);

        // Opened by anyone: no sign-in.
        await using var visitorContext = await app.NewContextAsync(360, 740);
        var visitor = await visitorContext.NewPageAsync();
        var opened = await visitor.GotoAsync(verification);
        Assert.Equal(200, opened?.Status);
        Assert.DoesNotContain("/Account/Login", visitor.Url, StringComparison.Ordinal);
        await Expect(visitor.Locator(".certificate-check__state")).ToContainTextAsync("Valid");

        // An admin, made by the operator with the CLI, sets up two-step sign-in at the first sign-in, then revokes.
        var adminEmail = Learner.NewEmail("admin");
        await app.RunCliAsync("users", "add", "--email", adminEmail, "--role", "admin", "--password", Learner.Password, "--display-name", "Maria Admin");
        await using var adminContext = await app.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync("/Account/Login");
        await admin.GetByLabel("Email", new() { Exact = true }).FillAsync(adminEmail);
        await admin.GetByLabel("Password", new() { Exact = true }).FillAsync(Learner.Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/Account/Manage/two-factor"));
        var key = Regex.Replace(await admin.Locator("kbd.shared-key").InnerTextAsync(), @"\s", "").ToUpperInvariant();
        await admin.GetByLabel("Code from the app", new() { Exact = true }).FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
        await Navigation.SubmitAsync(admin, () => admin.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in", Exact = true }).ClickAsync());
        await Expect(admin.Locator(".recovery-codes code").First).ToBeVisibleAsync();

        var code = verification[(verification.LastIndexOf('/') + 1)..];
        await admin.GotoAsync("/admin/certificates?q=" + code);
        var row = admin.Locator("tbody tr").Filter(new() { HasText = module.Certificate.Title });
        await Expect(row).ToHaveCountAsync(1);
        await row.GetByLabel("Reason (required)", new() { Exact = true }).FillAsync("Issued on a shared account by mistake");
        await Navigation.SubmitAsync(admin, () => row.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync());
        await Expect(admin.GetByText("Done: Revoked.")).ToBeVisibleAsync();

        // The page the visitor already has open, reloaded.
        await visitor.ReloadAsync();
        await Expect(visitor.Locator(".certificate-check__state")).ToContainTextAsync("Revoked");
        await Expect(visitor.Locator("main")).ToContainTextAsync("Issued on a shared account by mistake");
    }

    /// <summary>The text of the QR code among the PDF's first-page images (decoded as the Web tests do).</summary>
    private static string QrCodeIn(byte[] pdf)
    {
        using var document = PigDocument.Open(pdf);
        foreach (var image in document.GetPage(1).GetImages())
        {
            if (!image.TryGetBytesAsMemory(out var samples))
            {
                continue;
            }
            var luminance = new RGBLuminanceSource(Gray(image, samples.Span), image.WidthInSamples, image.HeightInSamples, RGBLuminanceSource.BitmapFormat.Gray8);
            if (new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(luminance))) is { Text: { } text })
            {
                return text;
            }
        }
        Assert.Fail("The PDF holds no readable QR code.");
        return "";
    }

    private static byte[] Gray(IPdfImage image, ReadOnlySpan<byte> samples)
    {
        var (width, height, bits) = (image.WidthInSamples, image.HeightInSamples, image.BitsPerComponent);
        var gray = new byte[width * height];
        if (image.ColorSpaceDetails is IndexedColorSpaceDetails indexed)
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
                    gray[(y * width) + x] = palette[index * perEntry];
                }
            }
            return gray;
        }
        var components = Math.Max(1, samples.Length / (width * height));
        for (var i = 0; i < gray.Length; i++)
        {
            gray[i] = samples[i * components];
        }
        return gray;
    }
}
