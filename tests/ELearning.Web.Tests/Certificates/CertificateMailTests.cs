using System.Net;
using ELearning.Web.Accounts;
using ELearning.Web.Assessments;
using ELearning.Web.Certificates;
using ELearning.Web.Progress;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Assessments;
using ELearning.Web.Tests.Infrastructure;
using MimeKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ELearning.Web.Tests.Certificates;

/// <summary>
/// Every certificate issued is mailed to its holder from the theme's template once the issuing transaction commits
/// (lesson, submission, grade override, overdue loop); a failing mail never undoes or fails the completion.
/// </summary>
public sealed class CertificateMailTests
{
    private const string SecondLessonPastWarning = FixtureContent.SecondLesson + "?warning=accepted";
    private const string Title = "Hearing victims of trafficking";

    private static TestApp App(string rules = "", bool assessment = false, Action<IServiceCollection>? services = null, Dictionary<string, string?>? settings = null) =>
        new(settings: settings, services: services, prepare: root =>
        {
            FixtureContent.Write(root, "thb/01-hearing/module.yml", $"""
                title: Hearing victims
                summary: How to hear victims.
                objectives:
                  - Plan a hearing
                prerequisites: []
                certificate:
                  title: {Title}
                  hours: 2.5
                  issuer:
                    name: The ELearning project
                """);
            if (assessment)
            {
                FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText(rules));
            }
        });

    private static async Task<HttpResponseMessage> CompleteAsync(TestClient browser, string lessonUrl) =>
        await browser.SubmitAsync(lessonUrl, lessonUrl.Split('?')[0] + "/complete");

    private static async Task CompleteLessonsAsync(TestClient browser)
    {
        using (await CompleteAsync(browser, FixtureContent.FirstLesson))
        using (await CompleteAsync(browser, SecondLessonPastWarning))
        {
        }
    }

    private static List<MimeMessage> Mails(TestApp app, string subject)
    {
        var folder = Path.Combine(app.Directory.DataRoot, "mail");
        return !Directory.Exists(folder) ? [] : [.. Directory.GetFiles(folder).Select(f => MimeMessage.Load(f)).Where(m => m.Subject?.Contains(subject, StringComparison.Ordinal) == true)];
    }

    private static async Task<Certificate> SingleCertificateAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Certificates.AsNoTracking().SingleAsync();
    }

    private static void AssertCertificateMail(TestApp app, Certificate certificate, string siteBase = "https://localhost/")
    {
        var mail = Assert.Single(Mails(app, "Your certificate"));
        Assert.Equal("ana@example.eu", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal($"Your certificate: {Title}", mail.Subject);
        // The theme's template: its words, the holder's name and both links, absolute.
        Assert.Contains("Congratulations, Ana Popescu!", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(siteBase + "me", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(siteBase + "certificates/" + certificate.Code, mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLastLessonMailsTheCertificateFromTheTemplate()
    {
        using var app = App();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        using (await CompleteAsync(browser, FixtureContent.FirstLesson))
        {
        }
        Assert.Empty(Mails(app, "Your certificate"));

        using (await CompleteAsync(browser, SecondLessonPastWarning))
        {
        }

        AssertCertificateMail(app, await SingleCertificateAsync(app));
    }

    [Fact]
    public async Task ThePassingSubmissionMailsTheCertificate()
    {
        using var app = App(assessment: true);
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        await CompleteLessonsAsync(browser);
        var driver = new AttemptDriver(browser);
        using (await driver.TakeAsync(await driver.StartAsync(), AttemptDriver.Wrong, AttemptDriver.WrongPath))
        {
        }
        Assert.Empty(Mails(app, "Your certificate"));

        using (await driver.TakeAsync(await driver.StartAsync(), AttemptDriver.Right, AttemptDriver.RightPath))
        {
        }

        AssertCertificateMail(app, await SingleCertificateAsync(app));
    }

    [Fact]
    public async Task ATrainersPassingGradeOverrideMailsTheCertificate()
    {
        using var app = App(assessment: true);
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        await CompleteLessonsAsync(browser);
        var driver = new AttemptDriver(browser);
        using (await driver.TakeAsync(await driver.StartAsync(), AttemptDriver.Wrong, AttemptDriver.WrongPath))
        {
        }
        await app.CreateUserAsync("admin@example.eu", TestData.Password, Roles.Learner, Roles.Admin);
        using var admin = app.CreateBrowser();
        using (await admin.LoginAsync("admin@example.eu", TestData.Password))
        {
        }
        string learnerId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            learnerId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == "ana@example.eu").Select(u => u.Id).SingleAsync();
        }

        using var set = await admin.SubmitAsync(ELearning.Web.Trainers.TrainerUrls.Learner(learnerId),
            f => f.GetAttribute("action")!.EndsWith("/grade", StringComparison.Ordinal),
            [new("percent", "75"), new("passed", "true"), new("reason", "Oral re-examination passed")]);

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        AssertCertificateMail(app, await SingleCertificateAsync(app));
    }

    [Fact]
    public async Task AnAttemptClosedByTheOverdueLoopMailsTheCertificateWithPublicUrlLinks()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // The loop has no request to take a loopback address from: its links need App:PublicUrl.
        using var app = App("time_limit_minutes: 10", assessment: true, s => s.AddSingleton<TimeProvider>(clock),
            new() { ["App:PublicUrl"] = "https://learn.example.org/" });
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        await CompleteLessonsAsync(browser);
        var driver = new AttemptDriver(browser);
        var attempt = await driver.StartAsync();
        // Every page answered right and saved, never submitted.
        var pages = (await driver.OpenAsync(attempt, 1)).PageCount;
        for (var p = 1; p <= pages; p++)
        {
            var page = await driver.OpenAsync(attempt, p);
            foreach (var choice in page.QuestionIds.Contains("a-case") ? AttemptDriver.RightPath : [])
            {
                page = await driver.OpenAsync(attempt, p);
                using var step = await driver.PostAsync(page, [page.ScenarioChoice("a-case", choice)]);
            }
            page = await driver.OpenAsync(attempt, p);
            using var saved = await driver.PostAsync(page, [.. page.QuestionIds.Where(AttemptDriver.Right.ContainsKey)
                .SelectMany(id => AttemptDriver.Right[id].Fields(page.Document, $"q.{id}.")), ("go", "next")]);
            Assert.Contains("notice=saved", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        clock.Advance(TimeSpan.FromMinutes(11));
        await app.Services.GetRequiredService<OverdueAttempts>().CloseDueAsync(CancellationToken.None);
        // The hosted loop wakes on the same clock and may close the attempt first: its mail follows its commit.
        for (var wait = 0; wait < 100 && Mails(app, "Your certificate").Count == 0; wait++)
        {
            await Task.Delay(100);
        }

        AssertCertificateMail(app, await SingleCertificateAsync(app), "https://learn.example.org/");
    }

    [Fact]
    public async Task AMailThatFailsNeitherFailsNorUndoesTheCompletion()
    {
        using var app = App(services: s => s.AddSingleton<IMailSender, BrokenMailSender>());
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        using (await CompleteAsync(browser, FixtureContent.FirstLesson))
        {
        }

        using var last = await CompleteAsync(browser, SecondLessonPastWarning);

        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        var certificate = await SingleCertificateAsync(app);
        var (status, me) = await browser.GetPageAsync(last.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("/me/certificates/" + certificate.Code + ".pdf", me.QuerySelectorAll("#certificates a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task ARolledBackIssuingMailsNothing()
    {
        using var app = App();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        using (await CompleteAsync(browser, FixtureContent.FirstLesson))
        {
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == "ana@example.eu").Select(u => u.Id).SingleAsync();
        var course = scope.ServiceProvider.GetRequiredService<ELearning.Content.Catalog.CourseCatalogLoader>().GetCatalog().FindCourse("thb")!;
        var lesson = course.FindModule("hearing")!.Lessons[^1];

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.RecordCompletedAsync(userId, lesson, DateTime.UtcNow, CancellationToken.None);
            Assert.Single(await CertificateIssuing.IssueDueAsync(db, course, userId, DateTime.UtcNow, CancellationToken.None));
            await transaction.RollbackAsync();
        }

        Assert.Empty(Mails(app, "Your certificate"));
        Assert.Empty(await db.Certificates.AsNoTracking().ToListAsync());
    }

    private sealed class BrokenMailSender : IMailSender
    {
        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default) =>
            throw new IOException("The mail server is down.");
    }
}
