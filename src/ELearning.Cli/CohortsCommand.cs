using System.CommandLine;
using System.Globalization;
using ELearning.Content.Catalog;
using ELearning.Web.Accounts;
using ELearning.Web.Audit;
using ELearning.Web.Cohorts;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace ELearning.Cli;

/// <summary><c>elearn cohorts add|list|invite</c>: training sessions from the command line, e.g. on the training-room laptop.</summary>
internal static class CohortsCommand
{
    public static Command Create()
    {
        var dataDirectory = new Option<string?>("--data-dir") { Description = "Overrides Storage:DataDirectory (default ./data)." };

        var name = new Option<string>("--name") { Description = "The cohort's name, e.g. \"Hearing THB victims, Poiana Brașov\".", Required = true };
        var course = new Option<string>("--course") { Description = "The course's slug (its folder under the content root).", Required = true };
        var modules = new Option<string[]>("--module") { Description = "A module slug the cohort covers; repeat it for several. None: the whole course.", AllowMultipleArgumentsPerToken = true };
        var starts = new Option<string>("--starts") { Description = "First day, yyyy-MM-dd.", Required = true };
        var ends = new Option<string>("--ends") { Description = "Last day, yyyy-MM-dd.", Required = true };
        var place = new Option<string?>("--place") { Description = "Where it takes place; leave out with --online." };
        var online = new Option<bool>("--online") { Description = "The cohort meets online (no place)." };
        var country = new Option<string?>("--country") { Description = "ISO country code it is organised for, e.g. RO." };
        var days = new Option<string?>("--days") { Description = "In-person days for attendance, yyyy-MM-dd, comma-separated." };
        var trainers = new Option<string[]>("--trainer") { Description = "Email of a trainer account to train it; repeat for several.", AllowMultipleArgumentsPerToken = true };
        var contentDirectory = new Option<string?>("--content-dir") { Description = "Overrides Content:Root (default ./content), to check the course and modules." };
        var add = new Command("add", "Create a cohort (training session) for a course or some of its modules.")
        {
            name, course, modules, starts, ends, place, online, country, days, trainers, contentDirectory, dataDirectory,
        };
        add.SetAction(async (parse, cancellationToken) => await AddAsync(parse.GetValue(dataDirectory), parse.GetValue(contentDirectory), new CohortForm
        {
            Name = parse.GetValue(name),
            Course = parse.GetValue(course),
            Modules = parse.GetValue(modules) ?? [],
            StartsOn = parse.GetValue(starts),
            EndsOn = parse.GetValue(ends),
            Place = parse.GetValue(place),
            Online = parse.GetValue(online),
            Country = parse.GetValue(country),
            Days = parse.GetValue(days),
        }, parse.GetValue(trainers) ?? [], cancellationToken));

        var list = new Command("list", "List cohorts with their dates, place, trainers and number of learners.") { dataDirectory };
        list.SetAction(async (parse, cancellationToken) => await ListAsync(parse.GetValue(dataDirectory), cancellationToken));

        var cohort = new Option<int>("--cohort") { Description = "The cohort's id (see `elearn cohorts list`).", Required = true };
        var uses = new Option<int>("--uses") { Description = "How many learners may use the code (default 30; 1 per --email).", DefaultValueFactory = _ => 30 };
        var validDays = new Option<int>("--valid-days") { Description = "Days before the code expires (default 14).", DefaultValueFactory = _ => 14 };
        var emails = new Option<string[]>("--email")
        {
            Description = "Invite this address: an existing account is added at once, any other gets a one-use code by mail "
                + "(pickup folder, or SMTP with Email:Smtp:Host; links need App:PublicUrl). Repeat for several.",
            AllowMultipleArgumentsPerToken = true,
        };
        var invite = new Command("invite", "Create an invitation code for a cohort, or invite learners by email.") { cohort, uses, validDays, emails, dataDirectory };
        invite.SetAction(async (parse, cancellationToken) =>
            await InviteAsync(parse.GetValue(dataDirectory), parse.GetValue(cohort), parse.GetValue(uses), parse.GetValue(validDays), parse.GetValue(emails) ?? [], cancellationToken));

        return new Command("cohorts", "Manage training sessions (cohorts) and their invitations.") { add, list, invite };
    }

    private static ServiceProvider Services(string? dataDirectory) =>
        CliServices.Build(dataDirectory, (services, configuration) => services.AddMailSender(configuration));

    private static async Task<int> AddAsync(string? dataDirectory, string? contentDirectory, CohortForm form, string[] trainerEmails, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(contentDirectory ?? Environment.GetEnvironmentVariable("Content__Root") ?? "content");
        if (!Directory.Exists(root))
        {
            await Console.Error.WriteLineAsync($"error: content folder {root} does not exist (use --content-dir).");
            return 1;
        }
        using var files = new PhysicalFileProvider(root);
        var catalog = new CourseCatalogLoader(files).GetCatalog();

        await using var provider = Services(dataDirectory);
        await provider.MigrateDatabaseAsync(cancellationToken);
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var cohort = new Cohort { CreatedAt = now };
        var errors = form.Apply(catalog, cohort, out var days);
        foreach (var email in trainerEmails)
        {
            var normalized = email.Trim().ToUpperInvariant();
            var trainer = await db.Users.Where(u => u.NormalizedEmail == normalized)
                .Where(u => db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && (x.Name == Roles.Trainer || x.Name == Roles.Admin))))
                .Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
            if (trainer is null)
            {
                errors[$"trainer {email}"] = $"no trainer or admin account has the email {email}.";
            }
            else
            {
                cohort.Trainers.Add(new CohortTrainer { UserId = trainer });
            }
        }
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors)
            {
                await Console.Error.WriteLineAsync($"error: {field}: {message}");
            }
            return 1;
        }
        cohort.Days.AddRange(days.Select(d => new CohortDay { Date = d }));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync(cancellationToken);
        AuditLog.AddFromCli(db, now, "cohort.create", "cohort", cohort.Id.ToString(CultureInfo.InvariantCulture),
            details: $"{cohort.Name}; {cohort.CourseSlug} {cohort.ModuleSlugs}; {days.Count} days; trainers {string.Join(", ", trainerEmails)}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Console.WriteLine($"Created cohort {cohort.Id}: {cohort.Name}.");
        return 0;
    }

    private static async Task<int> ListAsync(string? dataDirectory, CancellationToken cancellationToken)
    {
        await using var provider = Services(dataDirectory);
        await provider.MigrateDatabaseAsync(cancellationToken);
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cohorts = await db.Cohorts.OrderBy(c => c.StartsOn).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Name, c.CourseSlug, c.ModuleSlugs, c.StartsOn, c.EndsOn, c.Online, c.Place, c.Country,
                Learners = db.CohortMembers.Count(m => m.CohortId == c.Id),
                Trainers = db.CohortTrainers.Where(t => t.CohortId == c.Id).Join(db.Users, t => t.UserId, u => u.Id, (t, u) => u.Email).ToList(),
            })
            .ToListAsync(cancellationToken);
        if (cohorts.Count == 0)
        {
            Console.WriteLine("No cohorts yet (elearn cohorts add --help).");
            return 0;
        }
        Console.WriteLine("id\tname\tcourse\tmodules\tdates\tplace\tcountry\tlearners\ttrainers");
        foreach (var c in cohorts)
        {
            Console.WriteLine(string.Join('\t', c.Id.ToString(CultureInfo.InvariantCulture), c.Name, c.CourseSlug, c.ModuleSlugs.Length == 0 ? "(all)" : c.ModuleSlugs,
                $"{c.StartsOn:yyyy-MM-dd}..{c.EndsOn:yyyy-MM-dd}", c.Online ? "online" : c.Place, c.Country,
                c.Learners.ToString(CultureInfo.InvariantCulture), string.Join(", ", c.Trainers)));
        }
        return 0;
    }

    private static async Task<int> InviteAsync(string? dataDirectory, int cohortId, int uses, int validDays, string[] emails, CancellationToken cancellationToken)
    {
        if (uses is < 1 or > 1000 || validDays is < 1 or > 365)
        {
            await Console.Error.WriteLineAsync("error: --uses must be 1 to 1000 and --valid-days 1 to 365.");
            return 1;
        }
        var rows = new List<ImportRow>();
        foreach (var email in emails.Select(e => e.Trim()))
        {
            if (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            {
                await Console.Error.WriteLineAsync($"error: '{email}' is not an email address.");
                return 1;
            }
            rows.Add(new ImportRow(rows.Count + 1, email, "", "", null, ""));
        }
        await using var provider = Services(dataDirectory);
        await provider.MigrateDatabaseAsync(cancellationToken);
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cohort = await db.Cohorts.FirstOrDefaultAsync(c => c.Id == cohortId, cancellationToken);
        if (cohort is null)
        {
            await Console.Error.WriteLineAsync($"error: no cohort {cohortId} (elearn cohorts list).");
            return 1;
        }
        var now = DateTime.UtcNow;
        var target = cohortId.ToString(CultureInfo.InvariantCulture);
        var publicBase = provider.GetRequiredService<IConfiguration>()["App:PublicUrl"] is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var b) ? b : null;
        if (rows.Count == 0)
        {
            var invitation = Invitations.Create(db, cohortId, uses, now.AddDays(validDays), null, "", now);
            AuditLog.AddFromCli(db, now, "cohort.invitation.create", "cohort", target, details: $"{invitation.Code}: {uses} uses, {validDays} days");
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine($"Code {invitation.Code} for {cohort.Name}: {uses} uses until {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC.");
            Console.WriteLine($"Link: {(publicBase is null ? "" : publicBase.GetLeftPart(UriPartial.Authority))}/join/{invitation.Code}");
            return 0;
        }
        var outcome = await CohortMembers.AddAsync(db, cohort, rows, "", now,
            (action, learnerId, details) => AuditLog.AddFromCli(db, now, action, "cohort", target, details: details, learnerId: learnerId), cancellationToken);
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("elearn");
        var sender = provider.GetRequiredService<IMailSender>();
        // The CLI has no theme to render invitation.cshtml from: it mails the invitation built in code.
        var failed = await CohortMembers.SendInvitationsAsync(logger, outcome.Invited, path => publicBase is null ? null : new Uri(publicBase, path),
            (invitation, row, url) => sender.SendAsync(
                CohortMembers.InvitationMail(row.Email, row.Name, cohort.Name, url, invitation.ExpiresAt, invitation.Code), cancellationToken));
        Console.WriteLine($"{outcome.Added} added, {outcome.AlreadyMembers} already in {cohort.Name}, {outcome.Invited.Count} invited.");
        foreach (var (invitation, row) in outcome.Invited)
        {
            Console.WriteLine($"{row.Email}\t{invitation.Code}");
        }
        if (failed > 0)
        {
            await Console.Error.WriteLineAsync($"warning: {failed} invitation(s) not mailed{(publicBase is null ? " (set App:PublicUrl)" : "")}; give the codes above.");
        }
        return 0;
    }
}
