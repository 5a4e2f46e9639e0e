using System.Net;
using AngleSharp.Dom;
using ELearning.Web.Accounts;
using ELearning.Web.Assessments;
using ELearning.Web.Certificates;
using ELearning.Web.Cohorts;
using ELearning.Web.Progress;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Assessments;
using ELearning.Web.Tests.Infrastructure;
using ELearning.Web.Trainers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Trainers;

public sealed class TrainerAreaTests
{
    private static readonly DateTime T0 = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Two cohorts on the fixture course with an assessment: A (trainer A, five learners), B (trainer B, one learner).</summary>
    private sealed class World : IDisposable
    {
        public required TestApp App { get; init; }
        public required int CohortA { get; init; }
        public required int CohortB { get; init; }
        public required Dictionary<string, string> Ids { get; init; }

        public async Task<TestClient> SignInAsync(string email)
        {
            var browser = App.CreateBrowser();
            using var login = await browser.LoginAsync(email, TestData.Password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            return browser;
        }

        public async Task WithDbAsync(Func<AppDbContext, Task> work)
        {
            await using var scope = App.Services.CreateAsyncScope();
            await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        }

        public void Dispose() => App.Dispose();
    }

    private static async Task<World> BuildAsync(string assessmentRules = "")
    {
        var app = new TestApp(prepare: root => FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText(assessmentRules)));
        string[] learners = ["ana", "bogdan", "cristina", "dan", "elena", "farid"];
        foreach (var name in learners)
        {
            await app.CreateUserAsync($"{name}@example.eu", TestData.Password, Roles.Learner);
        }
        await app.CreateUserAsync("trainer-a@example.eu", TestData.Password, Roles.Learner, Roles.Trainer);
        await app.CreateUserAsync("trainer-b@example.eu", TestData.Password, Roles.Learner, Roles.Trainer);
        await app.CreateUserAsync("admin@example.eu", TestData.Password, Roles.Learner, Roles.Admin);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await db.Users.ToDictionaryAsync(u => u.Email!.Split('@')[0], u => u.Id);
        var a = new Cohort { Name = "Poiana Brasov 2026", CourseSlug = "thb", StartsOn = new(2026, 11, 1), EndsOn = new(2026, 11, 3), Place = "Poiana Brasov", Country = "RO" };
        var b = new Cohort { Name = "Madrid 2026", CourseSlug = "thb", StartsOn = new(2026, 11, 1), EndsOn = new(2026, 11, 3), Place = "Madrid", Country = "ES" };
        db.Cohorts.AddRange(a, b);
        await db.SaveChangesAsync();
        db.CohortTrainers.AddRange(new CohortTrainer { CohortId = a.Id, UserId = ids["trainer-a"] }, new CohortTrainer { CohortId = b.Id, UserId = ids["trainer-b"] });
        foreach (var name in learners[..5])
        {
            db.CohortMembers.Add(new CohortMember { CohortId = a.Id, UserId = ids[name], JoinedAt = T0 });
        }
        db.CohortMembers.Add(new CohortMember { CohortId = b.Id, UserId = ids["farid"], JoinedAt = T0 });
        await db.SaveChangesAsync();
        return new World { App = app, CohortA = a.Id, CohortB = b.Id, Ids = ids };
    }

    private static AssessmentAttempt Attempt(string userId, int number, decimal percent, AttemptKind kind = AttemptKind.Graded) => new()
    {
        UserId = userId, CourseSlug = "thb", ModuleSlug = "hearing", Number = number, ContentVersion = "v", Review = "Everything",
        Status = AttemptStatus.Submitted, StartedAt = T0, SubmittedAt = T0.AddMinutes(20), PassMark = 60, MaxScore = 10,
        Score = percent / 10, Percent = percent, Passed = percent >= 60, QuestionsPerPage = 4, Kind = kind,
    };

    private static IElement RowOf(IDocument page, string name) =>
        page.QuerySelectorAll("table.matrix tbody tr").Single(r => r.QuerySelector("th a")!.TextContent == name);

    private static string Cell(IElement row, int index) => row.QuerySelectorAll("td")[index].TextContent.Trim();

    [Fact]
    public async Task TheMatrixShowsEachLearnersModulesAndAttendanceFromTheirRecords()
    {
        using var world = await BuildAsync();
        var ids = world.Ids;
        await world.WithDbAsync(async db =>
        {
            db.LessonProgress.Add(new LessonProgress
            {
                UserId = ids["bogdan"], CourseSlug = "thb", ModuleSlug = "hearing", LessonSlug = "first", ContentVersion = "v",
                FirstOpenedAt = T0, LastOpenedAt = T0, CompletedAt = T0,
            });
            db.AssessmentAttempts.AddRange(
                Attempt(ids["cristina"], 1, 80),
                Attempt(ids["dan"], 1, 40),
                // A trial never counts, even a perfect one.
                Attempt(ids["dan"], 2, 100, AttemptKind.Trial));
            db.Certificates.Add(new Certificate
            {
                Code = "ELENA1", UserId = ids["elena"], CourseSlug = "thb", ModuleSlug = "hearing", Round = 1, HolderName = "elena",
                Title = "Hearing", IssuerName = "Agency", CompletedAt = T0, IssuedAt = T0, StatusIndex = 1,
            });
            var day1 = new CohortDay { CohortId = world.CohortA, Date = new(2026, 11, 1) };
            var day2 = new CohortDay { CohortId = world.CohortA, Date = new(2026, 11, 2) };
            db.CohortDays.AddRange(day1, day2);
            await db.SaveChangesAsync();
            db.Attendance.AddRange(
                new Attendance { CohortDayId = day1.Id, UserId = ids["ana"], Status = AttendanceStatus.Present, MarkedById = ids["trainer-a"], MarkedAt = T0 },
                new Attendance { CohortDayId = day2.Id, UserId = ids["ana"], Status = AttendanceStatus.Present, MarkedById = ids["trainer-a"], MarkedAt = T0 },
                new Attendance { CohortDayId = day1.Id, UserId = ids["bogdan"], Status = AttendanceStatus.Present, MarkedById = ids["trainer-a"], MarkedAt = T0 },
                new Attendance { CohortDayId = day2.Id, UserId = ids["bogdan"], Status = AttendanceStatus.Absent, MarkedById = ids["trainer-a"], MarkedAt = T0 });
            await db.SaveChangesAsync();
        });
        using var trainer = await world.SignInAsync("trainer-a@example.eu");

        var (status, page) = await trainer.GetPageAsync(TrainerUrls.Progress(world.CohortA));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector("table.matrix caption"));
        Assert.All(page.QuerySelectorAll("table.matrix thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.Equal(5, page.QuerySelectorAll("table.matrix tbody tr").Length);
        Assert.Equal("Not started", Cell(RowOf(page, "ana"), 0));
        Assert.Equal("2 of 2 days", Cell(RowOf(page, "ana"), 3));
        Assert.Equal("In progress, 50%", Cell(RowOf(page, "bogdan"), 0));
        Assert.Equal("1 of 2 days", Cell(RowOf(page, "bogdan"), 3));
        Assert.Equal("Passed 80%", Cell(RowOf(page, "cristina"), 0));
        Assert.Equal("Failed 40%", Cell(RowOf(page, "dan"), 0));
        Assert.StartsWith("Certified", Cell(RowOf(page, "elena"), 0), StringComparison.Ordinal);
        Assert.Equal("Not started", Cell(RowOf(page, "elena"), 1));

        // Server-side sorting and filtering: by the hearing module, furthest first; only failed learners.
        var (_, sorted) = await trainer.GetPageAsync(TrainerUrls.Progress(world.CohortA) + "?sort=module:hearing");
        Assert.Equal(["elena", "cristina", "dan", "bogdan", "ana"],
            sorted.QuerySelectorAll("table.matrix tbody th a").Select(a => a.TextContent).ToArray());
        var (_, failed) = await trainer.GetPageAsync(TrainerUrls.Progress(world.CohortA) + "?status=failed");
        Assert.Equal(["dan"], failed.QuerySelectorAll("table.matrix tbody th a").Select(a => a.TextContent).ToArray());
        var (_, byText) = await trainer.GetPageAsync(TrainerUrls.Progress(world.CohortA) + "?q=CRIST");
        Assert.Equal(["cristina"], byText.QuerySelectorAll("table.matrix tbody th a").Select(a => a.TextContent).ToArray());

        // The trainer's home lists their cohort with its counts, and not the other trainer's.
        var (_, home) = await trainer.GetPageAsync("/trainer");
        Assert.Contains("Poiana Brasov 2026", home.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 learners · 2 in-person days", home.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Madrid 2026", home.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector("a[href='/trainer/content']"));
    }

    [Fact]
    public async Task EveryRouteThatTakesAnIdAnswersOnlyThoseAllowedToSeeIt()
    {
        using var world = await BuildAsync();
        long attemptId = 0;
        await world.WithDbAsync(async db =>
        {
            var attempt = Attempt(world.Ids["ana"], 1, 50);
            db.AssessmentAttempts.Add(attempt);
            await db.SaveChangesAsync();
            attemptId = attempt.Id;
        });
        var ana = world.Ids["ana"];
        string[] routes =
        [
            TrainerUrls.Progress(world.CohortA),
            TrainerUrls.Learner(ana),
            TrainerUrls.Learner(ana, world.CohortA),
            TrainerUrls.Attempt(ana, attemptId),
        ];
        using var anonymous = world.App.CreateBrowser();
        using var learner = await world.SignInAsync("ana@example.eu");
        using var trainerA = await world.SignInAsync("trainer-a@example.eu");
        using var trainerB = await world.SignInAsync("trainer-b@example.eu");
        using var admin = await world.SignInAsync("admin@example.eu");

        foreach (var route in routes)
        {
            using var visitor = await anonymous.Http.GetAsync(route);
            Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
            Assert.Contains("/Account/Login", visitor.Headers.Location!.ToString(), StringComparison.Ordinal);
            using var own = await learner.Http.GetAsync(route);
            Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
            Assert.Contains("/Account/AccessDenied", own.Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await trainerA.GetPageAsync(route)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await trainerB.GetPageAsync(route)).Status);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetPageAsync(route)).Status);
        }
        // Trainer B's own cohort and learner are theirs; an attempt id under the wrong learner is unknown.
        Assert.Equal(HttpStatusCode.OK, (await trainerB.GetPageAsync(TrainerUrls.Progress(world.CohortB))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await trainerA.GetPageAsync(TrainerUrls.Learner(world.Ids["farid"]))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await trainerA.GetPageAsync(TrainerUrls.Attempt(world.Ids["bogdan"], attemptId))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPageAsync(TrainerUrls.Progress(9999))).Status);

        // Trainer A may grant to their learner; trainer B posting for that learner is refused the same way, and changes nothing.
        var page = TrainerUrls.Learner(ana);
        using var allowed = await trainerA.SubmitAsync(page, f => f.GetAttribute("action")!.EndsWith("/extra-attempt", StringComparison.Ordinal),
            [new("reason", "test")]);
        var token = (await trainerB.GetPageAsync(TrainerUrls.Learner(world.Ids["farid"], world.CohortB))).Document
            .QuerySelector("form[action$='/extra-attempt'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("reason", "sneaky")]);
        using var refused = await trainerB.Http.PostAsync(TrainerUrls.Grant(ana, "thb", "hearing", "extra-attempt"), content);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        await world.WithDbAsync(async db => Assert.Equal(1, await db.AllowanceGrants.CountAsync()));
    }

    [Fact]
    public async Task AnExtraAttemptLetsALearnerWhoUsedThemAllStartAgainAndIsAudited()
    {
        using var world = await BuildAsync();
        using var learner = await world.SignInAsync("ana@example.eu");
        var driver = new AttemptDriver(learner);
        for (var i = 0; i < 2; i++)
        {
            var attempt = await driver.StartAsync();
            using var _ = await driver.TakeAsync(attempt, AttemptDriver.Wrong, AttemptDriver.WrongPath);
        }
        var (_, used) = await learner.GetPageAsync(FixtureContent.Assessment);
        Assert.Null(used.QuerySelector("form[action$='/assessment/start']"));

        using var trainer = await world.SignInAsync("trainer-a@example.eu");
        var recordUrl = TrainerUrls.Learner(world.Ids["ana"]);
        using var noReason = await trainer.SubmitAsync(recordUrl, f => f.GetAttribute("action")!.EndsWith("/extra-attempt", StringComparison.Ordinal), [new("reason", "  ")]);
        Assert.Contains("error=reason", noReason.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var granted = await trainer.SubmitAsync(recordUrl, f => f.GetAttribute("action")!.EndsWith("/extra-attempt", StringComparison.Ordinal),
            [new("reason", "Power cut in the training room")]);
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);

        // The learner's cached snapshot was dropped: the very next page offers a start.
        var (_, again) = await learner.GetPageAsync(FixtureContent.Assessment);
        Assert.NotNull(again.QuerySelector("form[action$='/assessment/start']"));
        Assert.EndsWith("/attempts/3", await driver.StartAsync(), StringComparison.Ordinal);
        await world.WithDbAsync(async db =>
        {
            var entry = await db.AuditLog.SingleAsync();
            Assert.Equal(("attempt.extra", "Power cut in the training room", world.Ids["ana"], world.Ids["trainer-a"]),
                (entry.Action, entry.Reason, entry.LearnerId, entry.ActorId));
        });
        var (_, record) = await trainer.GetPageAsync(recordUrl);
        Assert.Contains("Power cut in the training room", record.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtendedTimeMovesTheLearnersDeadline()
    {
        using var world = await BuildAsync("time_limit_minutes: 30");
        using var trainer = await world.SignInAsync("trainer-a@example.eu");
        using var granted = await trainer.SubmitAsync(TrainerUrls.Learner(world.Ids["ana"]),
            f => f.GetAttribute("action")!.EndsWith("/extended-time", StringComparison.Ordinal),
            [new("factor", "1.5"), new("minutes", "5"), new("reason", "Dyslexia: assessed need")]);
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        using var learner = await world.SignInAsync("ana@example.eu");
        using var other = await world.SignInAsync("bogdan@example.eu");

        await new AttemptDriver(learner).StartAsync();
        await new AttemptDriver(other).StartAsync();

        await world.WithDbAsync(async db =>
        {
            var attempts = await db.AssessmentAttempts.ToListAsync();
            var ana = attempts.Single(a => a.UserId == world.Ids["ana"]);
            var bogdan = attempts.Single(a => a.UserId == world.Ids["bogdan"]);
            Assert.Equal(TimeSpan.FromMinutes(50), ana.Deadline - ana.StartedAt);
            Assert.Equal(TimeSpan.FromMinutes(30), bogdan.Deadline - bogdan.StartedAt);
            Assert.Equal("attempt.time", (await db.AuditLog.SingleAsync()).Action);
        });
        var (_, overview) = await learner.GetPageAsync(FixtureContent.Assessment);
        Assert.Contains("50 min", overview.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGradeOverrideChangesTheModuleResultAndShowsAsOverridden()
    {
        using var world = await BuildAsync();
        using var learner = await world.SignInAsync("ana@example.eu");
        var driver = new AttemptDriver(learner);
        using var _ = await driver.TakeAsync(await driver.StartAsync(), AttemptDriver.Wrong, AttemptDriver.WrongPath);
        var (_, before) = await learner.GetPageAsync(FixtureContent.Assessment);
        Assert.DoesNotContain("set by a trainer", before.Body!.TextContent, StringComparison.Ordinal);

        using var trainer = await world.SignInAsync("trainer-a@example.eu");
        using var set = await trainer.SubmitAsync(TrainerUrls.Learner(world.Ids["ana"]), f => f.GetAttribute("action")!.EndsWith("/grade", StringComparison.Ordinal),
            [new("percent", "75"), new("passed", "true"), new("reason", "Oral re-examination passed")]);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        var (_, after) = await learner.GetPageAsync(FixtureContent.Assessment);
        Assert.Contains("Your grade, set by a trainer: 75% (Passed)", after.Body!.TextContent, StringComparison.Ordinal);
        var (_, matrix) = await trainer.GetPageAsync(TrainerUrls.Progress(world.CohortA));
        Assert.Equal("Passed 75% (set by a trainer)", Cell(RowOf(matrix, "ana"), 0));
        await world.WithDbAsync(async db =>
        {
            Assert.Equal("grade.override", (await db.AuditLog.SingleAsync()).Action);
            var record = (await LearnerSnapshot.LoadAsync(db, world.Ids["ana"], CancellationToken.None)).Record;
            var module = world.App.Services.GetRequiredService<ELearning.Content.Catalog.CourseCatalogLoader>().GetCatalog().FindCourse("thb")!.FindModule("hearing")!;
            Assert.True(record.GradeOf(module).Passed);
        });
    }

    [Fact]
    public async Task PreviewShowsAnswerKeysToTrainersOnlyAndTheLearnerLessonNever()
    {
        using var world = await BuildAsync();
        using var trainer = await world.SignInAsync("trainer-a@example.eu");
        using var learner = await world.SignInAsync("ana@example.eu");

        var (poolStatus, pool) = await trainer.GetPageAsync(TrainerUrls.Preview("thb", "hearing"));
        var (lessonStatus, lesson) = await trainer.GetPageAsync(TrainerUrls.Preview("thb", "hearing", "first"));

        Assert.Equal(HttpStatusCode.OK, poolStatus);
        Assert.Equal(8, pool.QuerySelectorAll("section.question").Length);
        Assert.Contains("SECRET-RATIONALE", pool.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("SECRET-HINT", pool.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("SECRET-CONSEQUENCE-BAD", pool.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Eurojust", pool.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, lessonStatus);
        Assert.Contains(FixtureContent.RightFeedback, lesson.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Planning and preparation", lesson.QuerySelector(".answer")?.TextContent ?? "", StringComparison.Ordinal);

        using var denied = await learner.Http.GetAsync(TrainerUrls.Preview("thb", "hearing"));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);
        var learnerLesson = await learner.GetHtmlAsync(FixtureContent.FirstLesson);
        Assert.DoesNotContain(FixtureContent.RightFeedback, learnerLesson, StringComparison.Ordinal);
        Assert.Null(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(learnerLesson).QuerySelector(".answer"));
    }

    [Fact]
    public async Task ATrialAttemptCountsForNothingAndUsesUpNoAttempt()
    {
        using var world = await BuildAsync();
        using var trainer = await world.SignInAsync("trainer-a@example.eu");
        var driver = new AttemptDriver(trainer);

        using var start = await trainer.SubmitAsync(TrainerUrls.Preview("thb", "hearing"), TrainerUrls.Trial("thb", "hearing"));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var trialUrl = start.Headers.Location!.OriginalString.Split('?')[0];
        using var submitted = await driver.TakeAsync(trialUrl, AttemptDriver.Right, AttemptDriver.RightPath);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        await world.WithDbAsync(async db =>
        {
            var trial = await db.AssessmentAttempts.SingleAsync();
            Assert.Equal((AttemptKind.Trial, true), (trial.Kind, trial.Passed == true));
            var record = (await LearnerSnapshot.LoadAsync(db, world.Ids["trainer-a"], CancellationToken.None)).Record;
            Assert.Empty(record.AllAttempts);
        });
        // Not on the trainer's own assessment page as a grade, and both graded attempts are still there to take.
        var (_, overview) = await trainer.GetPageAsync(FixtureContent.Assessment);
        Assert.Null(overview.QuerySelector(".grade"));
        var first = await driver.StartAsync();
        using var _1 = await driver.TakeAsync(first, AttemptDriver.Wrong, AttemptDriver.WrongPath);
        var second = await driver.StartAsync();
        Assert.NotEqual(first, second);
    }
}
