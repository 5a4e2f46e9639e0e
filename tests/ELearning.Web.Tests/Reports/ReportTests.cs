using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using ELearning.Content.Catalog;
using ELearning.Content.Learners;
using ELearning.Web.Assessments;
using ELearning.Web.Reports;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Reports;

public sealed class ReportTests
{
    private const string November = "from=2026-11-01&to=2026-11-30";

    private static Dictionary<string, string[]> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll(".report-table tbody tr")
            .ToDictionary(r => r.Children[0].TextContent.Trim(), r => r.Children.Skip(1).Select(c => c.TextContent.Trim()).ToArray());

    [Fact]
    public async Task TheReportCountsTrainedCompletedAndCertifiedLearnersByModuleWithoutTrialsOrRevokedCertificates()
    {
        using var app = ReportFixture.CreateApp();
        await ReportFixture.SeedAsync(app);
        using var admin = await ReportFixture.SignInAsync(app, "admin@example.eu", "Admin");

        var (status, page) = await admin.GetPageAsync("/admin/reports?" + November + "&by=module");
        Assert.Equal(HttpStatusCode.OK, status);
        var rows = Rows(page);
        // Trained: ana and ben opened lessons in November, cara was present on an in-person day; dan did nothing.
        // Completed: only ana completed the course (ben's 90 % was a trial). Certified: ben's certificate was revoked.
        Assert.Equal(["3", "1", "1"], rows["All learners"]);
        Assert.Equal(["3", "1", "1"], rows["Countering trafficking (whole course)"]);
        Assert.Equal(["3", "1", "0"], rows["Countering trafficking / Hearing victims"]);
        Assert.Equal(["3", "2", "0"], rows["Countering trafficking / Following the money"]);

        var (_, byCountry) = await admin.GetPageAsync("/admin/reports?" + November + "&by=country");
        var countries = Rows(byCountry);
        Assert.Equal(["1", "1", "1"], countries["Romania"]);
        Assert.Equal(["1", "0", "0"], countries["Spain"]);
        Assert.Equal(["1", "0", "0"], countries["Poland"]);

        var (_, byCohort) = await admin.GetPageAsync("/admin/reports?" + November + "&by=cohort");
        Assert.Equal(["3", "1", "1"], Rows(byCohort)["Poiana Brașov, November"]);

        // October: only cara's first opening falls in it.
        var (_, october) = await admin.GetPageAsync("/admin/reports?from=2026-10-01&to=2026-10-31&by=profession");
        var professions = Rows(october);
        Assert.Equal(["1", "0", "0"], professions["Police officer"]);
        Assert.Equal(["1", "0", "0"], professions["All learners"]);
    }

    [Fact]
    public async Task TheSqlAggregatesAgreeWithTheLearnerRecordOfEveryLearner()
    {
        using var app = ReportFixture.CreateApp();
        var ids = await ReportFixture.SeedAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var catalog = scope.ServiceProvider.GetRequiredService<CourseCatalogLoader>().GetCatalog();
        var course = catalog.FindCourse("thb")!;

        var (learners, _) = await ReportFacts.LoadAsync(db, catalog, null, db.Cohorts, ReportPeriod.All, CancellationToken.None);

        foreach (var who in new[] { "ana", "ben", "cara", "dan" })
        {
            var id = ids[who];
            var lessons = await db.LessonProgress.Where(p => p.UserId == id)
                .Select(p => new LessonMark(p.CourseSlug, p.ModuleSlug, p.LessonSlug, p.FirstOpenedAt, p.LastOpenedAt, p.CompletedAt)).ToListAsync();
            var attempts = await db.AssessmentAttempts.Where(a => a.UserId == id && a.Kind == AttemptKind.Graded)
                .Select(a => new AttemptMark(a.CourseSlug, a.ModuleSlug, a.Number, AttemptState.Submitted, a.StartedAt, a.Deadline, a.SubmittedAt,
                    a.PassMark, a.Percent, a.Passed, false, ELearning.Content.Assessments.ReviewPolicy.Everything)).ToListAsync();
            var record = new LearnerRecord(lessons, attempts);
            var facts = learners.Single(f => f.Learner.Id == id);
            foreach (var module in course.Modules)
            {
                Assert.Equal(record.IsComplete(module), facts.CompletedModules.Contains((course.Slug, module.Slug)));
            }
            Assert.Equal(record.IsComplete(course), facts.CompletedCourses.Contains(course.Slug));
        }
        Assert.Contains(("thb", "money"), learners.Single(f => f.Learner.Id == ids["ben"]).CompletedModules);
        Assert.DoesNotContain(("thb", "hearing"), learners.Single(f => f.Learner.Id == ids["ben"]).CompletedModules);
    }

    [Fact]
    public async Task TheProjectReportWritesTheSentencesFromTheData()
    {
        using var app = ReportFixture.CreateApp();
        var ids = await ReportFixture.SeedAsync(app);
        using var admin = await ReportFixture.SignInAsync(app, "admin@example.eu", "Admin");

        var (status, page) = await admin.GetPageAsync("/admin/reports/project?" + November);
        Assert.Equal(HttpStatusCode.OK, status);
        var sentences = page.QuerySelectorAll(".project-sentence").Select(p => p.TextContent).ToList();
        Assert.Equal(
        [
            "3 prosecutors, judges and police officers trained in Countering trafficking during one 3-day training session organised in Poiana Brașov, Romania (10–12 November 2026).",
            "3 practitioners from Poland, Romania and Spain were trained.",
        ], sentences);

        var (cohortStatus, cohortPage) = await admin.GetPageAsync($"/admin/reports/project/{ids["cohort"]}");
        Assert.Equal(HttpStatusCode.OK, cohortStatus);
        Assert.Single(cohortPage.QuerySelectorAll(".project-sentence"));
    }

    [Fact]
    public void ListsAndDatesReadAsAPersonWritesThem()
    {
        using var app = new TestApp();
        var l = app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<ELearning.Theming.Strings>>();
        Assert.Equal("Romania, Belgium, Poland and Spain", ProjectReport.ListJoin(["Romania", "Belgium", "Poland", "Spain"], l));
        Assert.Equal("Romania and Spain", ProjectReport.ListJoin(["Romania", "Spain"], l));
        Assert.Equal("Romania", ProjectReport.ListJoin(["Romania"], l));
        Assert.Equal("30 May – 2 June 2026", ProjectReport.Dates(new(2026, 5, 30), new(2026, 6, 2)));
        Assert.Equal("30 December 2026 – 2 January 2027", ProjectReport.Dates(new(2026, 12, 30), new(2027, 1, 2)));
        Assert.Equal("4 May 2026", ProjectReport.Dates(new(2026, 5, 4), new(2026, 5, 4)));
    }

    [Fact]
    public async Task TheCsvExportHasTheTablesColumnsABomForExcelAndNeutralisesFormulas()
    {
        using var app = ReportFixture.CreateApp();
        await ReportFixture.SeedAsync(app);
        using var admin = await ReportFixture.SignInAsync(app, "admin@example.eu", "Admin");

        using var response = await admin.Http.GetAsync("/admin/reports.csv?" + November + "&by=institution");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Institution,Trained,Completed,Certified", lines[0]);
        // ana's institution is a formula: written as text, quoted, with the quote doubled inside.
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\",1,1,1", lines);
        Assert.Contains("Parchetul Brașov,2,0,0", lines);
        Assert.Equal("All learners,3,1,1", lines[^1]);

        using var project = await admin.Http.GetAsync("/admin/reports/project.csv?" + November);
        var text = Encoding.UTF8.GetString((await project.Content.ReadAsByteArrayAsync())[3..]);
        Assert.StartsWith("Training session,Course or modules,Place,Starts,Ends,In-person days,Trained,Completed,Certified,Professions,Countries\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\"Poiana Brașov, November\",Countering trafficking,\"Poiana Brașov, Romania\",2026-11-10,2026-11-12,3,3,1,1,", text, StringComparison.Ordinal);

        using var bad = await admin.Http.GetAsync("/admin/reports.csv?from=2026-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var (badStatus, _) = await admin.GetPageAsync("/admin/reports?from=2026-11-30&to=2026-11-01");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/reports")]
    [InlineData("/admin/reports.csv")]
    [InlineData("/admin/reports/project")]
    [InlineData("/admin/reports/project.csv")]
    [InlineData("/admin/users")]
    [InlineData("/admin/users.csv")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/audit.csv")]
    public async Task LearnersAndTrainersNeverSeeAdminPages(string url)
    {
        using var app = ReportFixture.CreateApp();
        await ReportFixture.SeedAsync(app);
        using var learner = await ReportFixture.SignInAsync(app, "learner@example.eu", "Learner");
        using var trainer = await ReportFixture.SignInAsync(app, "trainer@example.eu", "Learner", "Trainer");
        using var anonymous = app.CreateBrowser();
        foreach (var client in new[] { learner, trainer, anonymous })
        {
            using var response = await client.Http.GetAsync(url);
            Assert.True(
                response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
                $"{url}: {response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Poiana", body, StringComparison.Ordinal);
            Assert.DoesNotContain("ana@example.eu", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ATrainerSeesReportsOfTheirOwnCohortsOnly()
    {
        using var app = ReportFixture.CreateApp();
        var ids = await ReportFixture.SeedAsync(app);
        using var own = await ReportFixture.SignInAsync(app, "own@example.eu", "Learner", "Trainer");
        using var other = await ReportFixture.SignInAsync(app, "other@example.eu", "Learner", "Trainer");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var trainerId = await db.Users.Where(u => u.Email == "own@example.eu").Select(u => u.Id).SingleAsync();
            db.CohortTrainers.Add(new() { CohortId = int.Parse(ids["cohort"], System.Globalization.CultureInfo.InvariantCulture), UserId = trainerId });
            await db.SaveChangesAsync();
        }

        var (ownStatus, ownPage) = await own.GetPageAsync($"/trainer/reports/project/{ids["cohort"]}");
        Assert.Equal(HttpStatusCode.OK, ownStatus);
        Assert.Contains("3 prosecutors, judges and police officers", ownPage.Body!.TextContent, StringComparison.Ordinal);
        var (_, ownReport) = await own.GetPageAsync("/trainer/reports?" + November);
        Assert.Equal(["3", "1", "1"], Rows(ownReport)["All learners"]);

        var (otherStatus, _) = await other.GetPageAsync($"/trainer/reports/project/{ids["cohort"]}");
        Assert.Equal(HttpStatusCode.NotFound, otherStatus);
        using var otherCsv = await other.Http.GetAsync($"/trainer/reports/project/{ids["cohort"]}.csv");
        Assert.Equal(HttpStatusCode.NotFound, otherCsv.StatusCode);
        var (_, otherReport) = await other.GetPageAsync("/trainer/reports?" + November);
        Assert.Equal(["0", "0", "0"], Rows(otherReport)["All learners"]);
    }
}
