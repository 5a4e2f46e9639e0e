using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ELearning.Content.Catalog;
using ELearning.Content.Learners;
using ELearning.Content.Questions;
using ELearning.Web.Accounts;
using ELearning.Web.Questions;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace ELearning.Load;

/// <summary>
/// Phase reports (<c>--only reports</c>; <c>--only generate</c> stops after the generator and keeps the folder):
/// 10,000 learners in 40 cohorts, each with up to 3 modules of the shipped course read and up to 3 graded attempts per
/// module (with the drawn questions, their stored definitions and graded responses), inserted straight into a SQLite file
/// in one transaction; then the real app runs on it and each report page is timed (client side, median of 5 after one
/// warm-up) with the server's CPU time and the number of SQL commands it ran (EF's command log at Information). The cohort matrix and item analysis are
/// timed too when the app has them (404 is reported as "absent"). Goal: each page under 1 s.
/// </summary>
internal static class ReportPages
{
    private const string Password = "correct horse battery staple";
    private const int Learners = 10_000;
    private const int Cohorts = 40;
    private static readonly HtmlParser Parser = new();
    private static readonly string[] CountryCodes = ["RO", "BE", "PL", "ES", "BG", "IT", "MD"];
    private static readonly string[] Places = ["Poiana Brașov", "Bucharest", "Brussels", "Warsaw", "Madrid", "Sofia", "Chișinău", "Rome"];
    private static readonly Profession[] Professions = Enum.GetValues<Profession>();

    public static async Task<bool> RunAsync(bool generateOnly, CancellationToken cancel)
    {
        Console.WriteLine($"== Phase reports: {Learners:N0} learners in {Cohorts} cohorts, 3 modules x up to 3 attempts ==");
        var root = Path.Combine(Path.GetTempPath(), "elearning-load", $"reports-{Guid.NewGuid():N}");
        try
        {
            var (course, modules, cohortId) = await GenerateAsync(root, cancel);
            if (generateOnly)
            {
                Console.WriteLine($"generated in {root} (kept; run the app there: Storage__DataDirectory={root}/data Content__Root={root}/content)");
                return true;
            }
            return await MeasureAsync(root, course, modules, cohortId, cancel);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!generateOnly && Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task<(string Course, List<Module> Modules, int CohortId)> GenerateAsync(string root, CancellationToken cancel)
    {
        var content = Path.Combine(root, "content");
        CopyDirectory(Path.Combine(RepositoryRoot(), "content"), content);
        var catalog = new CourseCatalogLoader(new PhysicalFileProvider(content)).GetCatalog();
        var course = catalog.Courses[0];
        var modules = course.Modules.Where(m => m.Assessment is not null && m.Lessons.Count > 0).Take(3).ToList();

        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Storage:DataDirectory", Path.Combine(root, "data"))]).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddStorage();
        services.AddAccountStores();
        await using var provider = services.BuildServiceProvider();
        await provider.MigrateDatabaseAsync(cancel);
        await provider.EnsureRolesAsync();
        string adminId;
        await using (var scope = provider.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = new AppUser { UserName = "admin@load.test", Email = "admin@load.test", DisplayName = "Admin", RegisteredAt = DateTime.UtcNow };
            var created = await users.CreateAsync(admin, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            await users.AddToRolesAsync(admin, [Roles.Learner, Roles.Trainer, Roles.Admin]);
            adminId = admin.Id;
        }

        var clock = Stopwatch.StartNew();
        var random = new Random(2026);
        var rows = 0;
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(root, "data", "elearning.db")}");
        await connection.OpenAsync(cancel);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancel);
        SqliteCommand Prepare(string sql, int parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var i = 0; i < parameters; i++)
            {
                command.Parameters.Add(new SqliteParameter("$p" + i, null));
            }
            command.Prepare();
            return command;
        }
        void Run(SqliteCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
            rows++;
        }
        string Sql(string table, params string[] columns) =>
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";

        using var insertUser = Prepare(Sql("AspNetUsers", "Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
            "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount",
            "DisplayName", "Country", "Profession", "Institution", "RegisteredAt"), 17);
        using var insertCohort = Prepare(Sql("Cohorts", "Name", "CourseSlug", "ModuleSlugs", "StartsOn", "EndsOn", "Place", "Online", "Country", "CreatedAt") + " RETURNING \"Id\"", 9);
        using var insertTrainer = Prepare(Sql("CohortTrainers", "CohortId", "UserId"), 2);
        using var insertMember = Prepare(Sql("CohortMembers", "CohortId", "UserId", "JoinedAt"), 3);
        using var insertDay = Prepare(Sql("CohortDays", "CohortId", "Date") + " RETURNING \"Id\"", 2);
        using var insertAttendance = Prepare(Sql("Attendance", "CohortDayId", "UserId", "Status", "MarkedById", "MarkedAt"), 5);
        using var insertLesson = Prepare(Sql("LessonProgress", "UserId", "CourseSlug", "ModuleSlug", "LessonSlug", "ContentVersion", "FirstOpenedAt",
            "LastOpenedAt", "CompletedAt"), 8);
        using var insertAttempt = Prepare(Sql("AssessmentAttempts", "UserId", "CourseSlug", "ModuleSlug", "Number", "ContentVersion", "Status", "Sequence",
            "StartedAt", "SubmittedAt", "Expired", "PassMark", "Review", "QuestionsPerPage", "MaxScore", "Score", "Percent", "Passed", "Kind")
            + " RETURNING \"Id\"", 18);
        using var insertQuestion = Prepare(Sql("AttemptQuestions", "AttemptId", "Position", "QuestionId", "Definition", "DisplayOrder", "Response",
            "AnsweredAt", "Score"), 8);
        // The stored definitions are the real ones (large JSON), serialized once per question.
        var definitions = modules.SelectMany(m => m.Assessment!.Questions).ToDictionary(q => q.Id, QuestionViews.Serialize, StringComparer.Ordinal);
        var difficulty = modules.SelectMany(m => m.Assessment!.Questions).ToDictionary(q => q.Id, _ => random.NextDouble() * 2.4 - 1.4, StringComparer.Ordinal);
        var questionRows = 0;
        using var insertCertificate = Prepare(Sql("Certificates", "Code", "UserId", "CourseSlug", "ModuleSlug", "Round", "HolderName", "Title",
            "IssuerName", "CompletedAt", "IssuedAt", "RevokedAt", "StatusIndex"), 12);

        var firstCohort = 0;
        var certificateIndex = 0;
        var learnersPerCohort = Learners / Cohorts;
        for (var c = 0; c < Cohorts; c++)
        {
            var starts = new DateOnly(2026, 1, 12).AddDays(c * 7);
            var country = CountryCodes[c % CountryCodes.Length];
            insertCohort.Parameters[0].Value = $"Session {c + 1:00} ({Places[c % Places.Length]})";
            insertCohort.Parameters[1].Value = course.Slug;
            insertCohort.Parameters[2].Value = string.Join(',', modules.Select(m => m.Slug));
            insertCohort.Parameters[3].Value = starts;
            insertCohort.Parameters[4].Value = starts.AddDays(2);
            insertCohort.Parameters[5].Value = Places[c % Places.Length];
            insertCohort.Parameters[6].Value = false;
            insertCohort.Parameters[7].Value = country;
            insertCohort.Parameters[8].Value = DateTime.UtcNow;
            var cohortId = Convert.ToInt32(insertCohort.ExecuteScalar(), CultureInfo.InvariantCulture);
            rows++;
            firstCohort = firstCohort == 0 ? cohortId : firstCohort;
            Run(insertTrainer, cohortId, adminId);
            var days = new List<int>();
            for (var d = 0; d < 3; d++)
            {
                insertDay.Parameters[0].Value = cohortId;
                insertDay.Parameters[1].Value = starts.AddDays(d);
                days.Add(Convert.ToInt32(insertDay.ExecuteScalar(), CultureInfo.InvariantCulture));
                rows++;
            }

            for (var i = 0; i < learnersPerCohort; i++)
            {
                var n = c * learnersPerCohort + i;
                var id = Guid.NewGuid().ToString();
                var email = $"learner{n:00000}@load.test";
                Run(insertUser, id, email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), true, Guid.NewGuid().ToString("N"),
                    Guid.NewGuid().ToString(), false, false, true, 0, $"Learner {n:00000}", random.Next(10) < 8 ? country : CountryCodes[random.Next(CountryCodes.Length)],
                    Professions[random.Next(Professions.Length)].ToString(), $"Institution {random.Next(120):000}", DateTime.UtcNow);
                var joined = starts.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
                Run(insertMember, cohortId, id, joined);
                foreach (var day in days)
                {
                    var roll = random.Next(20);
                    Run(insertAttendance, day, id, roll < 17 ? "Present" : roll < 19 ? "Absent" : "Excused", adminId, joined);
                }

                var passedAll = true;
                var ability = Normal(random);
                foreach (var module in modules)
                {
                    var roll = random.Next(10);
                    var lessons = roll == 0 ? 0 : roll < 4 ? random.Next(1, module.Lessons.Count) : module.Lessons.Count;
                    var at = joined.AddDays(random.Next(0, 60)).AddMinutes(random.Next(600));
                    for (var l = 0; l < lessons; l++)
                    {
                        var lesson = module.Lessons[l];
                        var done = l < lessons - 1 || lessons == module.Lessons.Count || random.Next(2) == 0;
                        Run(insertLesson, id, course.Slug, module.Slug, lesson.Slug, lesson.ContentVersion, at, at.AddMinutes(10), done ? at.AddMinutes(12) : null);
                        at = at.AddMinutes(15);
                    }
                    var passed = false;
                    if (lessons == module.Lessons.Count)
                    {
                        var assessment = module.Assessment!;
                        var seen = new HashSet<string>(StringComparer.Ordinal);
                        var attempts = random.Next(1, 4);
                        for (var a = 1; a <= attempts && !passed; a++)
                        {
                            // The app's own draw and grading: each learner has an ability, each question a difficulty, and
                            // a learner gains a little per attempt, so discrimination and facility look like real data.
                            var drawn = AttemptRules.Draw(assessment, seen, random);
                            var answers = drawn.Select(q => Answer(q, ability + 0.3 * (a - 1) - difficulty[q.Id], random)).ToList();
                            var max = drawn.Sum(q => q.Points);
                            var score = answers.Sum(x => x.Score ?? 0);
                            var percent = max == 0 ? 0 : Math.Round(100 * score / max, 2);
                            passed = percent >= assessment.PassMark;
                            object?[] values = [id, course.Slug, module.Slug, a, "load", 1, 3, at, at.AddMinutes(25), false, assessment.PassMark, "Everything",
                                assessment.QuestionsPerPage, max, score, percent, passed, 0];
                            for (var v = 0; v < values.Length; v++)
                            {
                                insertAttempt.Parameters[v].Value = values[v] ?? DBNull.Value;
                            }
                            var attemptId = Convert.ToInt64(insertAttempt.ExecuteScalar(), CultureInfo.InvariantCulture);
                            rows++;
                            for (var q = 0; q < drawn.Count; q++)
                            {
                                seen.Add(drawn[q].Id);
                                Run(insertQuestion, attemptId, q, drawn[q].Id, definitions[drawn[q].Id],
                                    QuestionViews.Serialize(QuestionViews.Shuffle(drawn[q], assessment.ShuffleOptions, random)),
                                    answers[q].Response, answers[q].Response is null ? null : at.AddMinutes(1 + q), answers[q].Score);
                                questionRows++;
                            }
                            at = at.AddHours(20);
                        }
                    }
                    passedAll &= passed;
                }
                if (passedAll)
                {
                    certificateIndex++;
                    Run(insertCertificate, $"LOAD{certificateIndex:000000}", id, course.Slug, "", 1, $"Learner {n:00000}", course.Title, "Load academy",
                        joined.AddDays(70), joined.AddDays(70), certificateIndex % 50 == 0 ? joined.AddDays(80) : null, certificateIndex);
                }
            }
        }
        await transaction.CommitAsync(cancel);
        Console.WriteLine(FormattableString.Invariant(
            $"generated {rows:N0} rows ({certificateIndex:N0} certificates, {questionRows:N0} attempt questions) in {clock.Elapsed.TotalSeconds:F1} s, one transaction"));
        return (course.Slug, modules, firstCohort);
    }

    /// <summary>
    /// A response to <paramref name="question"/>, right with probability σ(1.7·<paramref name="edge"/>), 1 in 25 left
    /// unanswered. Choice questions get real option ids graded by the question itself; other kinds get a stand-in
    /// response scored all or nothing (item analysis reads only their score).
    /// </summary>
    private static (string? Response, decimal? Score) Answer(Question question, double edge, Random random)
    {
        if (random.Next(25) == 0)
        {
            return (null, null);
        }
        var right = random.NextDouble() < 1 / (1 + Math.Exp(-1.7 * edge));
        if (question is ChoiceQuestion choice)
        {
            var keys = choice.Options.Where(o => o.IsCorrect).Select(o => o.Id).ToList();
            var wrong = choice.Options.Where(o => !o.IsCorrect).Select(o => o.Id).ToList();
            // A wrong answer picks one distractor, the first one more often (a plausible distractor); several-answer
            // questions sometimes miss a key instead.
            string[] picked = right || wrong.Count == 0 ? [.. keys]
                : choice.AllowsSeveral && keys.Count > 1 && random.Next(2) == 0 ? [.. keys.Skip(1)]
                : [wrong[random.Next(3) == 0 ? random.Next(wrong.Count) : 0]];
            var response = Response.Of(ResponseFields.Option, picked);
            return (QuestionViews.Serialize(response), choice.Grade(response)?.Score ?? 0);
        }
        return (QuestionViews.Serialize(Response.Of(ResponseFields.Text, right ? "right" : "wrong")), right ? question.Points : 0);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static async Task<bool> MeasureAsync(string root, string course, List<Module> modules, int cohortId, CancellationToken cancel)
    {
        var settings = new Dictionary<string, string>
        {
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
            // The admin signs in with a password only: two-step sign-in is required of no role here (a role nobody has).
            ["Accounts__RequireTwoFactorFor"] = "LoadNobody",
        };
        // The static reference: the app serves wwwroot when it exists at start; the file is written after the first page.
        var wwwroot = Path.Combine(root, "wwwroot");
        Directory.CreateDirectory(wwwroot);
        await using var server = await ServerProcess.StartAsync(root, settings, "/healthz", cancel);
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = server.Address,
            Timeout = TimeSpan.FromMinutes(2),
        };
        await SignInAsync(http, cancel);

        var analysis = $"/trainer/analysis/{course}/{modules[0].Slug}";
        var pool = $"/trainer/analysis/{course}/{modules[1].Slug}";
        string[] pages =
        [
            $"/trainer/cohorts/{cohortId}/progress",
            analysis,
            analysis + "?attempts=all",
            pool,
            pool + "?attempts=all",
            $"{analysis}?cohort={cohortId}&attempts=all",
            "/admin/reports/project",
            $"/admin/reports/project/{cohortId}",
            "/admin/reports/project.csv",
            "/admin/reports?by=country",
            "/admin/reports?by=profession&from=2026-03-01&to=2026-06-30",
            "/admin/reports?by=institution",
            "/admin/reports?by=cohort",
            "/admin/reports?by=module",
            "/admin/reports.csv?by=institution",
            "/admin/users",
            "/admin/users?q=Institution%20007&page=2",
            "/admin/audit",
            // Reference: the matrix page's own bytes as a static file (Kestrel's static files, same server).
            "/reference.html",
        ];
        // Server CPU per request (median) beside the client's wall time: on the shared machine the wall time mostly
        // measures the wait for a core, the CPU time what the page costs.
        Console.WriteLine($"{"page",-62}{"median",9}{"max",9}{"cpu",9}{"queries",9}{"bytes",10}");
        var pass = true;
        foreach (var page in pages)
        {
            using (var warm = await http.GetAsync(new Uri(page, UriKind.Relative), cancel))
            {
                if (page == pages[0] && warm.StatusCode == HttpStatusCode.OK)
                {
                    await File.WriteAllBytesAsync(Path.Combine(wwwroot, "reference.html"), await warm.Content.ReadAsByteArrayAsync(cancel), cancel);
                }
                if (warm.StatusCode == HttpStatusCode.NotFound)
                {
                    Console.WriteLine($"{page,-62}{"absent (404): not built on this branch",36}");
                    continue;
                }
                if (warm.StatusCode != HttpStatusCode.OK)
                {
                    Console.WriteLine($"{page,-62} answered {(int)warm.StatusCode}");
                    pass = false;
                    continue;
                }
            }
            var times = new List<double>();
            var cpu = new List<double>();
            var queries = 0;
            long bytes = 0;
            for (var i = 0; i < 5; i++)
            {
                await Task.Delay(300, cancel); // the log of the previous request is read asynchronously
                var before = server.CommandCount;
                var cpuBefore = server.CpuTime;
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(new Uri(page, UriKind.Relative), cancel);
                var body = await response.Content.ReadAsByteArrayAsync(cancel);
                times.Add(clock.Elapsed.TotalMilliseconds);
                cpu.Add((server.CpuTime - cpuBefore).TotalMilliseconds);
                bytes = body.Length;
                await Task.Delay(300, cancel);
                queries = server.CommandCount - before;
            }
            times.Sort();
            cpu.Sort();
            var median = times[times.Count / 2];
            pass &= median < 1000;
            Console.WriteLine(FormattableString.Invariant($"{page,-62}{median,7:F0}ms{times[^1],7:F0}ms{cpu[cpu.Count / 2],7:F0}ms{queries,9}{bytes,10:N0}"));
        }
        if (server.ProblemCount > 0)
        {
            Console.WriteLine("server errors:" + Environment.NewLine + string.Join(Environment.NewLine, server.Problems));
            pass = false;
        }
        Console.WriteLine($"goal: every page under 1 s (median): {(pass ? "PASS" : "FAIL")}");
        Console.WriteLine();
        return pass;
    }

    private static async Task SignInAsync(HttpClient http, CancellationToken cancel)
    {
        using var login = await http.GetAsync(new Uri("/Account/Login", UriKind.Relative), cancel);
        var page = await Parser.ParseDocumentAsync(await login.Content.ReadAsStringAsync(cancel), cancel);
        var form = page.Forms.First(f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == "login");
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Append(new("Input.Email", "admin@load.test"))
            .Append(new("Input.Password", Password))
            .ToList();
        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync(new Uri(form.GetAttribute("action") is { Length: > 0 } a ? a : "/Account/Login", UriKind.Relative), content, cancel);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The admin's sign-in answered {(int)response.StatusCode}.");
        }
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ELearning.sln")))
        {
            root = root.Parent;
        }
        return root?.FullName ?? throw new DirectoryNotFoundException("Repository root (ELearning.sln) not found above " + AppContext.BaseDirectory);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
