using ELearning.Web.Accounts;
using ELearning.Web.Assessments;
using ELearning.Web.Certificates;
using ELearning.Web.Cohorts;
using ELearning.Web.Progress;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Reports;

/// <summary>
/// A hand-made history over the fixture course (hearing: 2 lessons + assessment, pass mark 60, highest; money: 1 lesson),
/// period November 2026:
/// ana (RO, prosecutor) completes everything with a graded 80 % and holds a course certificate;
/// ben (ES, judge) reads everything, fails a graded attempt (40 %) and passes only a trainer's Trial (90 %), so only
/// "money" is complete, and his certificate was revoked;
/// cara (PL, police officer) opened a lesson in October only, and was present on an in-person day in November;
/// dan (RO, other) never started. ana, ben and cara are in one 3-day session in Poiana Brașov.
/// </summary>
internal static class ReportFixture
{
    public static readonly DateTime Nov = new(2026, 11, 5, 9, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Oct = new(2026, 10, 5, 9, 0, 0, DateTimeKind.Utc);

    public static TestApp CreateApp() => new(prepare: root => FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText()));

    public static async Task<Dictionary<string, string>> SeedAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var ids = new Dictionary<string, string>();
        foreach (var (name, country, profession) in new[]
        {
            ("ana", "RO", Profession.Prosecutor), ("ben", "ES", Profession.Judge), ("cara", "PL", Profession.PoliceOfficer), ("dan", "RO", Profession.Other),
        })
        {
            var user = new AppUser
            {
                UserName = name + "@example.eu", Email = name + "@example.eu", DisplayName = name, Country = country, Profession = profession,
                Institution = name == "ana" ? "=HYPERLINK(\"http://evil\")" : "Parchetul Brașov", RegisteredAt = Oct,
            };
            Assert.True((await users.CreateAsync(user, TestData.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Learner);
            ids[name] = user.Id;
        }

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        void Lesson(string who, string module, string lesson, DateTime opened, DateTime? completed) => db.LessonProgress.Add(new LessonProgress
        {
            UserId = ids[who], CourseSlug = "thb", ModuleSlug = module, LessonSlug = lesson, ContentVersion = "v", FirstOpenedAt = opened,
            LastOpenedAt = opened, CompletedAt = completed,
        });
        void Attempt(string who, int number, decimal percent, AttemptKind kind) => db.AssessmentAttempts.Add(new AssessmentAttempt
        {
            UserId = ids[who], CourseSlug = "thb", ModuleSlug = "hearing", Number = number, ContentVersion = "v", Status = AttemptStatus.Submitted,
            StartedAt = Nov.AddHours(2), SubmittedAt = Nov.AddHours(3), PassMark = 60, Review = "Everything", MaxScore = 10, Score = percent / 10,
            Percent = percent, Passed = percent >= 60, Kind = kind,
        });

        foreach (var who in new[] { "ana", "ben" })
        {
            Lesson(who, "hearing", "first", Nov, Nov.AddMinutes(10));
            Lesson(who, "hearing", "second", Nov, Nov.AddMinutes(20));
            Lesson(who, "money", "follow", Nov, Nov.AddMinutes(30));
        }
        // A lesson no longer in the catalog counts for nothing.
        Lesson("ben", "hearing", "removed-lesson", Nov, Nov.AddMinutes(5));
        Lesson("cara", "hearing", "first", Oct, null);
        Attempt("ana", 1, 80, AttemptKind.Graded);
        Attempt("ben", 1, 40, AttemptKind.Graded);
        Attempt("ben", 2, 90, AttemptKind.Trial);

        db.Certificates.Add(Certificate(ids["ana"], "ANA1", 1, revoked: false));
        db.Certificates.Add(Certificate(ids["ben"], "BEN1", 2, revoked: true));

        var cohort = new Cohort
        {
            Name = "Poiana Brașov, November", CourseSlug = "thb", StartsOn = new DateOnly(2026, 11, 10), EndsOn = new DateOnly(2026, 11, 12),
            Place = "Poiana Brașov", Country = "RO", CreatedAt = Oct,
            Days = [new() { Date = new DateOnly(2026, 11, 10) }, new() { Date = new DateOnly(2026, 11, 11) }, new() { Date = new DateOnly(2026, 11, 12) }],
            Members = [new() { UserId = ids["ana"], JoinedAt = Oct }, new() { UserId = ids["ben"], JoinedAt = Oct }, new() { UserId = ids["cara"], JoinedAt = Oct }],
        };
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync();
        db.Attendance.Add(new Attendance { CohortDayId = cohort.Days[0].Id, UserId = ids["cara"], Status = AttendanceStatus.Present, MarkedById = ids["ana"], MarkedAt = Nov });
        db.Attendance.Add(new Attendance { CohortDayId = cohort.Days[0].Id, UserId = ids["dan"], Status = AttendanceStatus.Absent, MarkedById = ids["ana"], MarkedAt = Nov });
        await db.SaveChangesAsync();
        ids["cohort"] = cohort.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ids;
    }

    private static Certificate Certificate(string userId, string code, int index, bool revoked) => new()
    {
        Code = code, UserId = userId, CourseSlug = "thb", Round = 1, HolderName = "Holder " + code, Title = "Countering trafficking",
        IssuerName = "Academy", CompletedAt = Nov.AddHours(3), IssuedAt = Nov.AddHours(3), StatusIndex = index,
        RevokedAt = revoked ? Nov.AddDays(1) : null, RevokedReason = revoked ? "Issued in error" : null,
    };

    public static async Task<TestClient> SignInAsync(TestApp app, string email, params string[] roles)
    {
        await app.CreateUserAsync(email, TestData.Password, roles);
        var browser = app.CreateBrowser();
        using var login = await browser.LoginAsync(email, TestData.Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }
}
