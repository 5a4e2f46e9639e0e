using System.Net;
using ELearning.Web.Accounts;
using ELearning.Web.Assessments;
using ELearning.Web.Audit;
using ELearning.Web.Certificates;
using ELearning.Web.Progress;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Assessments;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ELearning.Web.Tests.Certificates;

/// <summary>Certificates are issued with the completion that earns them, verified publicly, revoked and reissued by admins.</summary>
public sealed class CertificateTests
{
    private const string SecondLessonPastWarning = FixtureContent.SecondLesson + "?warning=accepted";

    private static string HearingModuleYml(string extra = "") => $"""
        title: Hearing victims
        summary: How to hear victims.
        objectives:
          - Plan a hearing
        prerequisites: []
        certificate:
          title: Hearing victims of trafficking
          hours: 2.5
          issuer:
            name: The ELearning project
            address: Example Street 1, Brussels
          signatory:
            role: Course coordinator
        {extra}
        """;

    private static TestApp AppWithCertificate(
        string certificateExtra = "", bool assessment = false, FakeTimeProvider? clock = null, Dictionary<string, string?>? settings = null) =>
        new(settings: settings, services: clock is null ? null : s => s.AddSingleton<TimeProvider>(clock), prepare: root =>
        {
            FixtureContent.Write(root, "thb/01-hearing/module.yml", HearingModuleYml(certificateExtra));
            if (assessment)
            {
                FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText());
            }
        });

    private static async Task<HttpResponseMessage> CompleteAsync(TestClient browser, string lessonUrl) =>
        await browser.SubmitAsync(lessonUrl, lessonUrl.Split('?')[0] + "/complete");

    private static async Task<List<Certificate>> CertificatesAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Certificates.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    private static async Task<Certificate> EarnAsync(TestApp app, TestClient browser, string email = "ana@example.eu")
    {
        await browser.SignUpAndInAsync(email);
        using (await CompleteAsync(browser, FixtureContent.FirstLesson))
        {
        }
        using var done = await CompleteAsync(browser, SecondLessonPastWarning);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var mine = (await CertificatesAsync(app)).Where(c => c.HolderName == "Ana Popescu").ToList();
        return mine[^1];
    }

    [Fact]
    public async Task TheLastLessonIssuesTheCertificateInTheSameRequestAndMeSaysSo()
    {
        using var app = AppWithCertificate();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");

        using (var first = await CompleteAsync(browser, FixtureContent.FirstLesson))
        {
            Assert.DoesNotContain("issued=", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.Empty(await CertificatesAsync(app));

        using var last = await CompleteAsync(browser, SecondLessonPastWarning);
        var certificate = Assert.Single(await CertificatesAsync(app));
        Assert.StartsWith("/me?issued=" + certificate.Code, last.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(("Ana Popescu", "Hearing victims of trafficking", 2.5m, "The ELearning project", "Course coordinator", "hearing", 1),
            (certificate.HolderName, certificate.Title, certificate.Hours, certificate.IssuerName, certificate.SignatoryRole, certificate.ModuleSlug, certificate.Round));
        Assert.Null(certificate.ExpiresAt);
        Assert.Equal(CertificateCodes.Length, certificate.Code.Length);

        var (_, me) = await browser.GetPageAsync(last.Headers.Location.OriginalString);
        Assert.Contains("Certificate issued", me.QuerySelector(".certificate-issued")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(FixtureContent.SecondLesson.Split('?')[0], me.QuerySelector(".certificate-issued p a")!.GetAttribute("href")!.Split('?')[0]);
        var links = me.QuerySelectorAll("#certificates a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/me/certificates/" + certificate.Code, links);
        Assert.Contains("/me/certificates/" + certificate.Code + ".pdf", links);
        Assert.Contains("/me/certificates/" + certificate.Code + ".jwt", links);
        Assert.Contains("/certificates/" + certificate.Code, links);
        Assert.Contains("Valid", me.QuerySelector("#certificates tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompletingAgainDoesNotIssueASecondCertificate()
    {
        using var app = AppWithCertificate();
        using var browser = app.CreateBrowser();
        await EarnAsync(app, browser);

        // The page no longer offers the button; a replayed post (another tab) must not issue again.
        var (_, me) = await browser.GetPageAsync("/me");
        var token = me.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var again = await browser.Http.PostAsync(FixtureContent.SecondLesson + "/complete", content);

        Assert.Single(await CertificatesAsync(app));
        Assert.DoesNotContain("issued=", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParallelCompletionsIssueOneCertificate()
    {
        using var app = AppWithCertificate();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        using (await CompleteAsync(browser, FixtureContent.FirstLesson))
        {
        }
        // The same form posted 8 times at once, as a double-clicking learner on a slow line would.
        var (_, page) = await browser.GetPageAsync(SecondLessonPastWarning);
        var form = page.Forms.Single(f => f.GetAttribute("action") == FixtureContent.SecondLesson + "/complete");
        var fields = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(i => i.Type == "hidden")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        var posts = Enumerable.Range(0, 8).Select(async _ =>
        {
            using var content = new FormUrlEncodedContent(fields);
            using var response = await browser.Http.PostAsync(FixtureContent.SecondLesson + "/complete", content);
            return response.StatusCode;
        });

        var statuses = await Task.WhenAll(posts);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Single(await CertificatesAsync(app));
    }

    [Fact]
    public async Task ADuplicateCertificateInsertKeepsTheCompletingWrite()
    {
        using var app = AppWithCertificate();
        using var browser = app.CreateBrowser();
        var issued = await EarnAsync(app, browser);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var course = scope.ServiceProvider.GetRequiredService<ELearning.Content.Catalog.CourseCatalogLoader>().GetCatalog().FindCourse("thb")!;
        var money = course.FindModule("money")!.Lessons[0];
        bool inserted;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.RecordCompletedAsync(issued.UserId, money, DateTime.UtcNow, CancellationToken.None);
            // What a parallel completion that lost the race does: the same learner, rule and round once more.
            var duplicate = new Certificate
            {
                UserId = issued.UserId, CourseSlug = "thb", ModuleSlug = "hearing", Round = 1, HolderName = "x", Title = "x",
                IssuerName = "x", CompletedAt = DateTime.UtcNow, IssuedAt = DateTime.UtcNow,
            };
            inserted = await CertificateIssuing.TryInsertAsync(db, duplicate, CancellationToken.None);
            await transaction.CommitAsync();
        }

        Assert.False(inserted);
        Assert.Single(await CertificatesAsync(app));
        Assert.NotNull(await db.LessonProgress.AsNoTracking().SingleAsync(p => p.UserId == issued.UserId && p.ModuleSlug == "money" && p.CompletedAt != null));
    }

    [Fact]
    public async Task ThePassingSubmissionIssuesTheCertificateWithTheScore()
    {
        using var app = AppWithCertificate("  print_score: true", assessment: true);
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        using (await CompleteAsync(browser, FixtureContent.FirstLesson))
        using (await CompleteAsync(browser, SecondLessonPastWarning))
        {
        }
        Assert.Empty(await CertificatesAsync(app));
        var driver = new AttemptDriver(browser);

        using (var failed = await driver.TakeAsync(await driver.StartAsync(), AttemptDriver.Wrong, AttemptDriver.WrongPath))
        {
            Assert.Empty(await CertificatesAsync(app));
        }
        using var passed = await driver.TakeAsync(await driver.StartAsync(), AttemptDriver.Right, AttemptDriver.RightPath);

        var certificate = Assert.Single(await CertificatesAsync(app));
        Assert.Equal(100m, certificate.ScorePercent);
        // The learner lands on their result, as without certificates, and it says what was issued, with its PDF and /me.
        var location = passed.Headers.Location!.OriginalString;
        Assert.Equal($"{FixtureContent.Assessment}/attempts/2?issued={certificate.Code}", location);
        var (_, result) = await browser.GetPageAsync(location);
        var notice = result.QuerySelector(".certificate-issued")!;
        Assert.Contains("Certificate issued: Hearing victims of trafficking.", notice.TextContent, StringComparison.Ordinal);
        var links = notice.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/me/certificates/" + certificate.Code + ".pdf", links);
        Assert.Contains("/me#certificates", links);
        Assert.Contains("Passed", result.Body!.TextContent, StringComparison.Ordinal);
        // Without the notice the result page is as before; a forged code of someone else's shows nothing.
        var (_, plain) = await browser.GetPageAsync($"{FixtureContent.Assessment}/attempts/2?issued=ABCDEFGHJKMNPQRSTVWXYZ2345");
        Assert.Null(plain.QuerySelector(".certificate-issued"));
    }

    [Fact]
    public async Task APassingGradeOverrideIssuesTheCertificateItCompletes()
    {
        using var app = AppWithCertificate(assessment: true);
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        using (await CompleteAsync(browser, FixtureContent.FirstLesson))
        using (await CompleteAsync(browser, SecondLessonPastWarning))
        {
        }
        var driver = new AttemptDriver(browser);
        using (await driver.TakeAsync(await driver.StartAsync(), AttemptDriver.Wrong, AttemptDriver.WrongPath))
        {
        }
        Assert.Empty(await CertificatesAsync(app));

        await app.CreateUserAsync("admin@example.eu", TestData.Password, Roles.Learner, Roles.Admin);
        using var admin = app.CreateBrowser();
        using (var login = await admin.LoginAsync("admin@example.eu", TestData.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
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

        var certificate = Assert.Single(await CertificatesAsync(app));
        Assert.Equal(("hearing", "Ana Popescu"), (certificate.ModuleSlug, certificate.HolderName));
    }

    [Fact]
    public async Task OnlyGradedAttemptsEarnACertificate()
    {
        using var app = AppWithCertificate(assessment: true);
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        using (await CompleteAsync(browser, FixtureContent.FirstLesson))
        using (await CompleteAsync(browser, SecondLessonPastWarning))
        {
        }
        var driver = new AttemptDriver(browser);
        var attemptUrl = await driver.StartAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The attempt becomes a pre-test before it is submitted: it may pass, but it never counts.
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().AssessmentAttempts.ExecuteUpdateAsync(s => s.SetProperty(a => a.Kind, AttemptKind.Pretest));
        }

        using (await driver.TakeAsync(attemptUrl, AttemptDriver.Right, AttemptDriver.RightPath))
        {
        }

        Assert.Empty(await CertificatesAsync(app));
    }

    [Fact]
    public async Task ThePublicPageShowsAValidCertificateToAnyoneAndNothingElseAboutTheLearner()
    {
        using var app = AppWithCertificate();
        using var learner = app.CreateBrowser();
        var certificate = await EarnAsync(app, learner);
        using var visitor = app.CreateBrowser();

        // As typed from paper: lower case, with spaces and dashes.
        var typed = CertificateCodes.Display(certificate.Code).ToLowerInvariant().Replace("-", " - ", StringComparison.Ordinal);
        var (status, page) = await visitor.GetPageAsync("/certificates/" + Uri.EscapeDataString(typed));

        Assert.Equal(HttpStatusCode.OK, status);
        var text = page.QuerySelector(".certificate-check")!.TextContent;
        Assert.Contains("Valid.", text, StringComparison.Ordinal);
        foreach (var expected in new[] { "Ana Popescu", "Hearing victims of trafficking", "2.5", "The ELearning project", "Example Street 1, Brussels", "Does not expire", CertificateCodes.Display(certificate.Code) })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        var whole = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain("ana@example.eu", whole, StringComparison.Ordinal);
        Assert.DoesNotContain("DIICOT", whole, StringComparison.Ordinal);
        Assert.DoesNotContain("Prosecutor", whole, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0000-0000-0000-0000-0000-0000-0000")]
    [InlineData("not-a-code")]
    [InlineData("UUUU-0000-0000-0000-0000-0000-0000")]
    public async Task UnknownOrMalformedCodesGetTheNotFoundPage(string code)
    {
        using var app = AppWithCertificate();
        using var visitor = app.CreateBrowser();

        var (status, page) = await visitor.GetPageAsync("/certificates/" + code);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Null(page.QuerySelector(".certificate-check"));
    }

    [Fact]
    public async Task AnExpiredCertificateSaysExpiredWithItsDate()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        using var app = AppWithCertificate("  valid_for_months: 12", clock: clock);
        using var learner = app.CreateBrowser();
        var certificate = await EarnAsync(app, learner);
        using var visitor = app.CreateBrowser();
        var (_, before) = await visitor.GetPageAsync("/certificates/" + certificate.Code);
        Assert.Contains("Valid.", before.QuerySelector(".certificate-check__state")!.TextContent, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(366));
        var (status, after) = await visitor.GetPageAsync("/certificates/" + certificate.Code);

        Assert.Equal(HttpStatusCode.OK, status);
        var state = after.QuerySelector(".certificate-check__state")!.TextContent;
        Assert.Contains("Expired.", state, StringComparison.Ordinal);
        Assert.Contains("2027-11-30", state, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterExpiryPassingAgainIssuesANewRoundAndKeepsTheOldOne()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        using var app = AppWithCertificate("  valid_for_months: 12", assessment: true, clock: clock);
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        using (await CompleteAsync(browser, FixtureContent.FirstLesson))
        using (await CompleteAsync(browser, SecondLessonPastWarning))
        {
        }
        var driver = new AttemptDriver(browser);
        using (await driver.TakeAsync(await driver.StartAsync(), AttemptDriver.Right, AttemptDriver.RightPath))
        {
        }
        var first = Assert.Single(await CertificatesAsync(app));

        clock.Advance(TimeSpan.FromDays(400));
        using (await browser.LoginAsync("ana@example.eu", TestData.Password))
        {
        }
        using (await driver.TakeAsync(await driver.StartAsync(), AttemptDriver.Right, AttemptDriver.RightPath))
        {
        }

        var both = await CertificatesAsync(app);
        Assert.Equal([1, 2], both.Select(c => c.Round));
        Assert.Equal(first.Code, both[0].Code);
        Assert.NotEqual(first.Code, both[1].Code);
        var (_, me) = await browser.GetPageAsync("/me");
        var rows = me.QuerySelectorAll("#certificates tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Valid", rows[0], StringComparison.Ordinal);
        Assert.Contains("Expired", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeListsOnlyTheLearnersOwnCertificates()
    {
        using var app = AppWithCertificate();
        using var ana = app.CreateBrowser();
        var anas = await EarnAsync(app, ana);
        using var other = app.CreateBrowser();
        await other.SignUpAndInAsync("bo@example.eu");

        var (_, page) = await other.GetPageAsync("/me");

        Assert.DoesNotContain(anas.Code, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("#certificates tbody tr"));
        // A forged notice for someone else's code shows nothing either.
        var (_, forged) = await other.GetPageAsync("/me?issued=" + anas.Code);
        Assert.Null(forged.QuerySelector(".certificate-issued"));
    }

    [Fact]
    public async Task AnAdminRevocationShowsOnThePublicPageAtOnceAndIsAudited()
    {
        using var app = AppWithCertificate();
        using var learner = app.CreateBrowser();
        var certificate = await EarnAsync(app, learner);
        using var visitor = app.CreateBrowser();
        var (_, cached) = await visitor.GetPageAsync("/certificates/" + certificate.Code);
        Assert.Contains("Valid.", cached.QuerySelector(".certificate-check__state")!.TextContent, StringComparison.Ordinal);
        await app.CreateUserAsync("admin@example.eu", TestData.Password, "Learner", "Admin");
        using var admin = app.CreateBrowser();
        using (await admin.LoginAsync("admin@example.eu", TestData.Password))
        {
        }

        var search = "/admin/certificates?q=" + Uri.EscapeDataString("Popescu");
        using var revoked = await admin.SubmitAsync(search, $"/admin/certificates/{certificate.Code}/revoke", ("reason", "Attended under another name"));

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var (_, page) = await visitor.GetPageAsync("/certificates/" + certificate.Code);
        var state = page.QuerySelector(".certificate-check__state")!.TextContent;
        Assert.Contains("Revoked.", state, StringComparison.Ordinal);
        Assert.Contains("Attended under another name", state, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var entry = Assert.Single(await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditLog.AsNoTracking().ToListAsync());
        Assert.Equal((CertificateActions.RevokeAction, certificate.Code, "Attended under another name", certificate.UserId),
            (entry.Action, entry.TargetId, entry.Reason, entry.LearnerId));
    }

    [Fact]
    public async Task ARevocationWithoutAReasonIsRefused()
    {
        using var app = AppWithCertificate();
        using var learner = app.CreateBrowser();
        var certificate = await EarnAsync(app, learner);
        await app.CreateUserAsync("admin@example.eu", TestData.Password, "Learner", "Admin");
        using var admin = app.CreateBrowser();
        using (await admin.LoginAsync("admin@example.eu", TestData.Password))
        {
        }

        using var response = await admin.SubmitAsync("/admin/certificates?q=" + certificate.Code, $"/admin/certificates/{certificate.Code}/revoke", ("reason", "  "));

        Assert.Contains("ReasonMissing", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Null(Assert.Single(await CertificatesAsync(app)).RevokedAt);
    }

    [Fact]
    public async Task AReissueAfterANameCorrectionRevokesTheOldCodeAndCarriesTheNewName()
    {
        using var app = AppWithCertificate();
        using var learner = app.CreateBrowser();
        var old = await EarnAsync(app, learner);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "Ana-Maria Popescu"));
        }
        await app.CreateUserAsync("admin@example.eu", TestData.Password, "Learner", "Admin");
        using var admin = app.CreateBrowser();
        using (await admin.LoginAsync("admin@example.eu", TestData.Password))
        {
        }

        using var response = await admin.SubmitAsync("/admin/certificates?q=" + old.Code, $"/admin/certificates/{old.Code}/reissue");

        var rows = await CertificatesAsync(app);
        Assert.Equal(2, rows.Count);
        var replacement = rows[1];
        Assert.Equal(("Ana-Maria Popescu", 2, old.Id, old.CompletedAt), (replacement.HolderName, replacement.Round, replacement.ReplacesId, replacement.CompletedAt));
        Assert.Equal(CertificateActions.ReissuedReason, rows[0].RevokedReason);
        using var visitor = app.CreateBrowser();
        var (_, oldPage) = await visitor.GetPageAsync("/certificates/" + old.Code);
        Assert.Contains("Revoked.", oldPage.QuerySelector(".certificate-check__state")!.TextContent, StringComparison.Ordinal);
        var (_, newPage) = await visitor.GetPageAsync("/certificates/" + replacement.Code);
        Assert.Contains("Ana-Maria Popescu", newPage.QuerySelector(".certificate-check")!.TextContent, StringComparison.Ordinal);
        await using var check = app.Services.CreateAsyncScope();
        Assert.Equal(CertificateActions.ReissueAction, Assert.Single(await check.ServiceProvider.GetRequiredService<AppDbContext>().AuditLog.AsNoTracking().ToListAsync()).Action);
    }

    [Fact]
    public async Task LearnersCannotReachTheAdminPageOrItsActions()
    {
        using var app = AppWithCertificate();
        using var learner = app.CreateBrowser();
        var certificate = await EarnAsync(app, learner);

        using var page = await learner.Http.GetAsync("/admin/certificates");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/AccessDenied", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // The learner's own antiforgery token (from /me's sign-out form) does not make the post an admin's.
        var (_, me) = await learner.GetPageAsync("/me");
        var token = me.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("reason", "mine now")]);
        using var post = await learner.Http.PostAsync($"/admin/certificates/{certificate.Code}/revoke", content);
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, post.StatusCode.ToString());
        if (post.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Contains("/Account/AccessDenied", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.Null(Assert.Single(await CertificatesAsync(app)).RevokedAt);
    }

    [Fact]
    public async Task AdminPostsWithoutTheAntiforgeryTokenAreRefused()
    {
        using var app = AppWithCertificate();
        using var learner = app.CreateBrowser();
        var certificate = await EarnAsync(app, learner);
        await app.CreateUserAsync("admin@example.eu", TestData.Password, "Learner", "Admin");
        using var admin = app.CreateBrowser();
        using (await admin.LoginAsync("admin@example.eu", TestData.Password))
        {
        }

        foreach (var action in new[] { "revoke", "reissue" })
        {
            using var content = new FormUrlEncodedContent([new("reason", "no token")]);
            using var response = await admin.Http.PostAsync($"/admin/certificates/{certificate.Code}/{action}", content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        Assert.Single(await CertificatesAsync(app));
        Assert.Null((await CertificatesAsync(app))[0].RevokedAt);
    }

    [Fact]
    public async Task TheCodeFormLeadsToTheCodesPage()
    {
        using var app = AppWithCertificate();
        using var learner = app.CreateBrowser();
        var certificate = await EarnAsync(app, learner);
        using var visitor = app.CreateBrowser();
        var (status, form) = await visitor.GetPageAsync("/certificates");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("get", form.QuerySelector("form[action='/certificates']")!.GetAttribute("method"));

        using var typed = await visitor.Http.GetAsync("/certificates?code=" + Uri.EscapeDataString(" " + CertificateCodes.Display(certificate.Code).ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        Assert.Equal("/certificates/" + certificate.Code, typed.Headers.Location!.OriginalString.Replace("https://localhost", "", StringComparison.Ordinal));

        var (badStatus, bad) = await visitor.GetPageAsync("/certificates?code=hello");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.NotNull(bad.QuerySelector("[role=alert]"));
    }

    [Fact]
    public async Task ThePublicPageIsRateLimitedPerAddress()
    {
        using var app = AppWithCertificate(settings: new() { ["RateLimits:CertificateChecksPerMinute"] = "3" });
        using var visitor = app.CreateBrowser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await visitor.Http.GetAsync("/certificates/0000-0000-0000-0000-0000-0000-0000");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task TheCredentialCheckIsRateLimitedPerAddressLikeTheCodePages()
    {
        using var app = AppWithCertificate(settings: new() { ["RateLimits:CertificateChecksPerMinute"] = "2" });
        using var visitor = app.CreateBrowser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await visitor.Http.GetAsync("/certificates/verify");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
