using System.Diagnostics;
using System.Net;
using ELearning.Theming;
using ELearning.Web.Templates;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Certificates;

public sealed class TemplateTests
{
    private static readonly string Shipped = ThemeTemplates.ShippedFolder("Default");

    /// <summary>The shipped certificate template with a marker in the heading, as a deployment would edit it.</summary>
    private static string EditedCertificate(string marker) =>
        File.ReadAllText(Path.Combine(Shipped, "certificate.cshtml"))
            .Replace("<h1 class=\"box heading\">@Model.Texts.Heading</h1>", $"<h1 class=\"box heading\">{marker}</h1>", StringComparison.Ordinal);

    [Fact]
    public async Task ADeploymentsTemplateShowsOnTheNextRenderAndABrokenEditIsReportedWhileTheLastGoodVersionServes()
    {
        var folder = Path.Combine(Path.GetTempPath(), "elearning-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "certificate.cshtml"), EditedCertificate("Agency certificate v1"));
            using var app = new TestApp(settings: new() { ["Theme:TemplatesOverride"] = folder });
            await app.CreateUserAsync("stefan@example.eu", TestData.Password);
            using var holder = app.CreateBrowser();
            (await holder.LoginAsync("stefan@example.eu", TestData.Password)).Dispose();
            var code = await CertificateDocumentTests.IssueAsync(app, "stefan@example.eu");
            await app.CreateUserAsync("trainer@example.eu", TestData.Password, "Trainer");
            using var trainer = app.CreateBrowser();
            (await trainer.LoginAsync("trainer@example.eu", TestData.Password)).Dispose();

            Assert.Contains("Agency certificate v1", await holder.GetHtmlAsync($"/me/certificates/{code}"), StringComparison.Ordinal);

            // Line 3 of the edit refers to a property the model does not have.
            File.WriteAllText(Path.Combine(folder, "certificate.cshtml"), "@using ELearning.Theming\n@model CertificateDocumentView\n<p>@Model.Signatory.Name</p>\n");
            var html = await holder.GetHtmlAsync($"/me/certificates/{code}");
            Assert.Contains("Agency certificate v1", html, StringComparison.Ordinal);
            var status = await trainer.GetHtmlAsync("/trainer/content");
            Assert.Contains($"{Path.Combine(folder, "certificate.cshtml")}:3:11", status, StringComparison.Ordinal);
            Assert.Contains("Signatory", status, StringComparison.Ordinal);

            File.WriteAllText(Path.Combine(folder, "certificate.cshtml"), EditedCertificate("Agency certificate, second edition"));
            Assert.Contains("Agency certificate, second edition", await holder.GetHtmlAsync($"/me/certificates/{code}"), StringComparison.Ordinal);
            Assert.DoesNotContain("certificate.cshtml:", await trainer.GetHtmlAsync("/trainer/content"), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ARazorSyntaxErrorIsReportedWithFileLineAndColumnAndTheThemesOwnTemplateServesMeanwhile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "elearning-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "invitation.cshtml"), "@using ELearning.Theming\n@model InvitationMail\n<p>Hi</p>\n  @{ var unclosed = 1;\n<p>@Model.CohortName</p>\n");
            using var templates = new ThemeTemplates(Shipped, "themes/Default/templates", folder);

            var diagnostic = Assert.Single(await templates.CheckAsync());
            Assert.Equal(Path.Combine(folder, "invitation.cshtml"), diagnostic.Path);
            Assert.Equal((4, 4), (diagnostic.Line, diagnostic.Column));
            Assert.Matches("^.*invitation.cshtml:4:4: error: .*\\}", diagnostic.ToString());

            var html = await templates.RenderAsync("invitation", new InvitationMail("Cohort Iași 2026", "https://learn.example.org/join/x", "31 December 2026", "Ioana", null));
            Assert.Contains("invites you to join the training group <b>Cohort Iași 2026</b>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TheInvitationMailIsRenderedFromItsTemplateAsSubjectHtmlAndPlainText()
    {
        using var app = new TestApp(settings: new() { ["App:PublicUrl"] = "https://learn.example.org/" });
        var mails = app.Services.GetRequiredService<Mails>();
        var model = new InvitationMail("Cohort <Iași> 2026", "https://learn.example.org/join/abc?x=1&y=2", "31 December 2026", "Ioana Mureșan", "Ștefan");

        var mail = await mails.RenderAsync("invitation", model);
        Assert.Equal("Invitation to join Cohort <Iași> 2026 on ELearning", mail.Subject);
        // HTML-encoded in the HTML part, plain in the text part.
        Assert.Contains("<b>Cohort &lt;Ia", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Iași>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://learn.example.org/join/abc?x=1&amp;y=2\"", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Hello Ștefan,", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Ioana Mureșan invites you to join the training group Cohort <Iași> 2026 on ELearning.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("\nhttps://learn.example.org/join/abc?x=1&y=2\n", mail.Text, StringComparison.Ordinal);
        Assert.Contains("valid until 31 December 2026.", mail.Text, StringComparison.Ordinal);

        await mails.SendInvitationAsync("stefan@example.eu", model);
        var message = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(app.Directory.DataRoot, "mail"))));
        Assert.Contains("multipart/alternative", message, StringComparison.Ordinal);
        Assert.Contains("https://learn.example.org/join/abc?x=1&y=2", message, StringComparison.Ordinal);

        // A link outside the public address is never mailed.
        await mails.SendInvitationAsync("stefan@example.eu", model with { JoinLink = "https://evil.example/join" });
        Assert.Single(Directory.GetFiles(Path.Combine(app.Directory.DataRoot, "mail")));
    }

    [Fact]
    public async Task TheCertificateIssuedMailLinksToTheLearnersPageAndThePublicPage()
    {
        using var app = new TestApp(settings: new() { ["App:PublicUrl"] = "https://learn.example.org/" });
        var mail = await app.Services.GetRequiredService<Mails>().RenderAsync("certificate-issued",
            new CertificateIssuedMail("Ștefan Öz", "Hearing victims", "https://learn.example.org/me", "https://learn.example.org/certificates/7KQM"));
        Assert.Equal("Your certificate: Hearing victims", mail.Subject);
        Assert.Contains("Congratulations, Ștefan Öz!", mail.Text, StringComparison.Ordinal);
        Assert.Contains("https://learn.example.org/me\n", mail.Text, StringComparison.Ordinal);
        Assert.Contains("https://learn.example.org/certificates/7KQM\n", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePasswordResetMailComesFromItsTemplateAndGreetsTheLearnerByName()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.RegisterAsync("ana@example.eu", TestData.Password, name: "Ana Țurcanu");
        using var response = await browser.SubmitAsync("/Account/ForgotPassword", TestClient.FormNamed("forgot"), [new("Input.Email", "ana@example.eu")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var message = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(app.Directory.DataRoot, "mail"))));
        Assert.Contains("Subject: Reset your ELearning password", message, StringComparison.Ordinal);
        Assert.Contains("Hello Ana Țurcanu,", message, StringComparison.Ordinal);
        Assert.Matches(@"\nhttps://localhost/Account/ResetPassword\?email=ana(%40|@)example\.eu&code=\S+\n", message.ReplaceLineEndings("\n"));
        Assert.Contains("text/html", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LintReportsABrokenDeploymentTemplateAsFileLineColumnAndFails()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        var templates = Path.Combine(directory.Root, "templates");
        Directory.CreateDirectory(templates);
        File.WriteAllText(Path.Combine(templates, "password-reset.cshtml"), "@using ELearning.Theming\n@model PasswordResetMail\n<p>@Model.Nme</p>\n");

        var start = new ProcessStartInfo("dotnet", [BuiltApp.Cli, "lint", "content", "--templates", "templates"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory.Root,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 1, output);
        Assert.Contains($"{Path.Combine(templates, "password-reset.cshtml")}:3:11: error:", output, StringComparison.Ordinal);
        Assert.Contains("Nme", output, StringComparison.Ordinal);
        Assert.Contains("1 error", output, StringComparison.Ordinal);
    }
}
