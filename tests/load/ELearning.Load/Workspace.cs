using ELearning.Content.Assessments;
using ELearning.Content.Catalog;
using ELearning.Content.Questions;
using ELearning.Web.Accounts;
using ELearning.Web.Assessments;
using ELearning.Web.Courses;
using ELearning.Web.Questions;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace ELearning.Load;

/// <summary>
/// A temp folder with <c>data/</c> and <c>content/</c>, and the app's own storage and account services over it: the
/// database is created by the app's migrations and every connection gets the app's pragmas (WAL, synchronous=FULL).
/// </summary>
internal sealed class Workspace : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private Workspace(string root, ServiceProvider services, Assessment assessment)
    {
        Root = root;
        _services = services;
        Assessment = assessment;
    }

    public string Root { get; }
    public string DataRoot => Path.Combine(Root, "data");
    public string ContentRoot => Path.Combine(Root, "content");
    public string DatabasePath => Path.Combine(DataRoot, "elearning.db");
    public Assessment Assessment { get; }

    public static async Task<Workspace> CreateAsync(string name, CancellationToken cancel)
    {
        var root = Path.Combine(Path.GetTempPath(), "elearning-load", $"{name}-{Guid.NewGuid():N}");
        var content = Path.Combine(root, "content");
        LoadCourse.WriteTo(content);
        var catalog = new CourseCatalogLoader(new PhysicalFileProvider(content)).GetCatalog();
        var assessment = catalog.FindCourse(LoadCourse.Course)?.FindModule(LoadCourse.Module)?.Assessment
            ?? throw new InvalidOperationException("The load course has no assessment: " + string.Join("; ", catalog.Diagnostics));

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Storage:DataDirectory", Path.Combine(root, "data"))])
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddStorage();
        services.AddAccountStores();
        var provider = services.BuildServiceProvider();
        await provider.MigrateDatabaseAsync(cancel);
        await provider.EnsureRolesAsync();
        return new Workspace(root, provider, assessment);
    }

    public AsyncServiceScope CreateScope() => _services.CreateAsyncScope();

    /// <summary>
    /// Learner accounts, all with one password hashed once (PBKDF2 with the app's settings, so signing in costs what it
    /// costs in production). Written in one transaction with the fields <c>UserManager.CreateAsync</c> and
    /// <c>AddToRoleAsync</c> set, instead of a few thousand separate commits; signing in through the real login form
    /// proves the rows are right.
    /// </summary>
    public async Task<IReadOnlyList<AppUser>> CreateLearnersAsync(int count, string? password, CancellationToken cancel)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var normalizer = scope.ServiceProvider.GetRequiredService<ILookupNormalizer>();
        var hash = password is null ? null : scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(new AppUser(), password);
        var learnerRole = await db.Roles.Where(r => r.NormalizedName == normalizer.NormalizeName(Roles.Learner)).Select(r => r.Id).SingleAsync(cancel);
        var now = DateTime.UtcNow;
        var users = new List<AppUser>(count);
        for (var i = 0; i < count; i++)
        {
            var email = $"learner{i:D4}@load.test";
            var user = new AppUser
            {
                UserName = email,
                NormalizedUserName = normalizer.NormalizeName(email),
                Email = email,
                NormalizedEmail = normalizer.NormalizeEmail(email),
                EmailConfirmed = true,
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
                DisplayName = $"Learner {i}",
                Country = "RO",
                RegisteredAt = now,
            };
            users.Add(user);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = learnerRole });
        }
        await db.SaveChangesAsync(cancel);
        return users;
    }

    /// <summary>
    /// Starts an attempt for each learner and saves a right answer to every question, through the app's own
    /// <see cref="Attempts.StartAsync"/> and <see cref="Attempts.SaveAsync"/>: the in-progress state a learner is in on
    /// the summary page, just before pressing "Submit".
    /// </summary>
    public async Task<IReadOnlyList<SeededAttempt>> StartAttemptsAsync(IReadOnlyList<AppUser> learners, int workers, CancellationToken cancel)
    {
        var seeded = new SeededAttempt[learners.Count];
        await Parallel.ForAsync(0, learners.Count, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancel }, async (i, token) =>
        {
            await using var scope = CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var userId = learners[i].Id;
            var now = DateTime.UtcNow;
            var outcome = await Attempts.StartAsync(db, userId, Assessment, moduleLock: null, now, Random.Shared, null, token);
            if (outcome is not StartOutcome.Started(var number))
            {
                throw new InvalidOperationException($"Could not start an attempt for {learners[i].Email}: {outcome}.");
            }
            var attempt = await db.AssessmentAttempts.AsNoTracking().Include(a => a.Questions)
                .SingleAsync(a => a.UserId == userId && a.Number == number, token);
            var changes = attempt.Questions.Select(q => (q, (Response?)LoadCourse.RightAnswer(q.QuestionId))).ToList();
            var (saved, sequence) = await Attempts.SaveAsync(db, attempt, changes, attempt.Sequence, now, null, token);
            if (saved != SaveOutcome.Saved)
            {
                throw new InvalidOperationException($"Could not save the answers of {learners[i].Email}: {saved}.");
            }
            var answered = await db.AttemptQuestions.AsNoTracking().Where(q => q.AttemptId == attempt.Id).ToListAsync(token);
            seeded[i] = new SeededAttempt(learners[i].Email!, attempt.Id, number, sequence, [.. answered.Select(q => q.Id)], answered.Sum(ExpectedScore));
        });
        return seeded;
    }

    /// <summary>The score graded here from the attempt's own copy of the question, to check the app's against.</summary>
    private static decimal ExpectedScore(AttemptQuestion question) =>
        question.Response is null
            ? 0
            : QuestionViews.DeserializeQuestion(question.Definition).Grade(QuestionViews.DeserializeResponse(question.Response))?.Score ?? 0;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A server process still closing its files must not turn a finished run into a failure.
        }
    }
}

/// <summary>An in-progress attempt with every answer saved, and the score grading it must produce.</summary>
internal sealed record SeededAttempt(string Email, long AttemptId, int Number, long Sequence, IReadOnlyList<long> QuestionRowIds, decimal ExpectedScore);
