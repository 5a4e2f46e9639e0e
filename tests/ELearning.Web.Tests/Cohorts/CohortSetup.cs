using System.Net;
using ELearning.Web.Accounts;
using ELearning.Web.Cohorts;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Cohorts;

/// <summary>Cohorts, members and days written straight to the test's own database, and signed-in browsers.</summary>
internal static class CohortSetup
{
    public static async Task<TestClient> SignedInAsync(this TestApp app, string email, params string[] roles)
    {
        await app.CreateUserAsync(email, TestData.Password, ["Learner", .. roles]);
        var browser = app.CreateBrowser();
        using var login = await browser.LoginAsync(email, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    public static async Task<T> WithDbAsync<T>(this TestApp app, Func<AppDbContext, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task<string> UserIdAsync(this TestApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<int> CreateCohortAsync(this TestApp app, string name, string[]? trainers = null, string modules = "", string course = "thb") =>
        app.WithDbAsync(async db =>
        {
            var cohort = new Cohort
            {
                Name = name, CourseSlug = course, ModuleSlugs = modules, StartsOn = new DateOnly(2026, 12, 1), EndsOn = new DateOnly(2026, 12, 3),
                Place = "Poiana Brașov", Country = "RO", CreatedAt = DateTime.UtcNow,
            };
            foreach (var email in trainers ?? [])
            {
                cohort.Trainers.Add(new CohortTrainer { UserId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync() });
            }
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort.Id;
        });

    public static Task<int> AddMemberAsync(this TestApp app, int cohortId, string email) =>
        app.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.CohortMembers.Add(new CohortMember { CohortId = cohortId, UserId = userId, JoinedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

    public static Task<int> AddDayAsync(this TestApp app, int cohortId, DateOnly date) =>
        app.WithDbAsync(async db =>
        {
            var day = new CohortDay { CohortId = cohortId, Date = date };
            db.CohortDays.Add(day);
            await db.SaveChangesAsync();
            return day.Id;
        });

    public static Task<string> InvitationAsync(this TestApp app, int cohortId, int maxUses = 5, int uses = 0, TimeSpan? validFor = null) =>
        app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var invitation = Invitations.Create(db, cohortId, maxUses, now + (validFor ?? TimeSpan.FromDays(7)), null, "", now);
            invitation.Uses = uses;
            await db.SaveChangesAsync();
            return invitation.Code;
        });

    public static Task<List<string>> MemberEmailsAsync(this TestApp app, int cohortId) =>
        app.WithDbAsync(db => db.CohortMembers.Where(m => m.CohortId == cohortId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email!).OrderBy(e => e).ToListAsync());

    public static Task<List<string>> AuditActionsAsync(this TestApp app) =>
        app.WithDbAsync(db => db.AuditLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
}
