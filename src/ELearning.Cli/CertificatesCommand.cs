using System.CommandLine;
using System.Globalization;
using ELearning.Theming;
using ELearning.Web.Audit;
using ELearning.Web.Certificates;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ELearning.Cli;

/// <summary>
/// <c>elearn certificates list|revoke|reissue|verify</c>: the operator's side of the admin page, over the same database and
/// the same revoke/reissue code (<see cref="CertificateActions"/>). A running app shows a revocation made here on its
/// public page within <see cref="CertificateChecks.Lifetime"/> (its cache by code).
/// </summary>
internal static class CertificatesCommand
{
    public static Command Create()
    {
        var dataDirectory = new Option<string?>("--data-dir") { Description = "Overrides Storage:DataDirectory (default ./data)." };
        var code = new Argument<string>("code") { Description = "The certificate's code (case, dashes and spaces do not matter)." };

        var search = new Option<string?>("--search") { Description = "Only certificates whose code, holder name or email contains this." };
        var list = new Command("list", "List issued certificates, newest first.") { search, dataDirectory };
        list.SetAction((parse, cancel) => RunAsync(parse.GetValue(dataDirectory), db => ListAsync(db, parse.GetValue(search), cancel), cancel));

        var reason = new Option<string>("--reason") { Description = "Why (recorded in the audit log; shown on the public page).", Required = true };
        var revoke = new Command("revoke", "Revoke a certificate.") { code, reason, dataDirectory };
        revoke.SetAction((parse, cancel) => RunAsync(parse.GetValue(dataDirectory), db => RevokeAsync(db, parse.GetValue(code)!, parse.GetValue(reason)!, cancel), cancel));

        var note = new Option<string?>("--reason") { Description = "Why (recorded in the audit log), e.g. the name correction." };
        var reissue = new Command("reissue", "Reissue a certificate with the holder's current name: a new code; the old one is revoked as \"reissued\".") { code, note, dataDirectory };
        reissue.SetAction((parse, cancel) => RunAsync(parse.GetValue(dataDirectory), db => ReissueAsync(db, parse.GetValue(code)!, parse.GetValue(note), cancel), cancel));

        var codeOrFile = new Argument<string>("code-or-file")
        {
            Description = "A certificate's code, or the path of a signed credential file (.jwt) downloaded from /me.",
        };
        var verify = new Command(
            "verify",
            "Say whether a certificate code, or a credential file (signature, issuer key, revocation, expiry), is valid (exit code 0 only when valid).")
        {
            codeOrFile, dataDirectory,
        };
        verify.SetAction((parse, cancel) => File.Exists(parse.GetValue(codeOrFile))
            ? CertificateFileVerifyCommand.VerifyAsync(new FileInfo(parse.GetValue(codeOrFile)!), parse.GetValue(dataDirectory), cancel)
            : RunAsync(parse.GetValue(dataDirectory), db => VerifyAsync(db, parse.GetValue(codeOrFile)!, cancel), cancel));

        return new Command("certificates", "List, revoke, reissue and verify certificates.") { list, revoke, reissue, verify };
    }

    private static async Task<int> RunAsync(string? dataDirectory, Func<AppDbContext, Task<int>> action, CancellationToken cancel)
    {
        await using var provider = CliServices.Build(dataDirectory);
        await provider.MigrateDatabaseAsync(cancel);
        await using var scope = provider.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static async Task<int> ListAsync(AppDbContext db, string? search, CancellationToken cancel)
    {
        var rows = await (
            from c in db.Certificates.AsNoTracking()
            join u in db.Users.AsNoTracking() on c.UserId equals u.Id
            orderby c.IssuedAt descending
            select new { Certificate = c, u.Email })
            .ToListAsync(cancel);
        var now = DateTime.UtcNow;
        var normalised = CertificateCodes.Normalise(search);
        foreach (var row in rows.Where(r => search is null || r.Certificate.Code == normalised
            || r.Certificate.HolderName.Contains(search, StringComparison.OrdinalIgnoreCase)
            || (r.Email ?? "").Contains(search, StringComparison.OrdinalIgnoreCase)))
        {
            var c = row.Certificate;
            Console.WriteLine(string.Join('\t',
                CertificateCodes.Display(c.Code), State(c, now), c.IssuedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                c.ExpiresAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-", c.HolderName, row.Email, c.Title));
        }
        return 0;
    }

    private static async Task<int> RevokeAsync(AppDbContext db, string typed, string reason, CancellationToken cancel)
    {
        if (CertificateCodes.Normalise(typed) is not { } code)
        {
            return Fail($"'{typed}' is not a certificate code.");
        }
        var outcome = await CertificateActions.RevokeAsync(db, code, reason, actorId: null, DateTime.UtcNow,
            (c, why) => AuditLog.AddFromCli(db, c.RevokedAt!.Value, CertificateActions.RevokeAction, CertificateActions.TargetType, c.Code, why,
                $"{c.Title} · {c.HolderName}", c.UserId),
            cancel);
        return outcome switch
        {
            CertificateActionOutcome.Done => Ok($"Revoked {CertificateCodes.Display(code)}."),
            CertificateActionOutcome.ReasonMissing => Fail("Give a reason with --reason."),
            CertificateActionOutcome.AlreadyRevoked => Fail($"{CertificateCodes.Display(code)} is already revoked."),
            _ => Fail($"No certificate has the code {CertificateCodes.Display(code)}."),
        };
    }

    private static async Task<int> ReissueAsync(AppDbContext db, string typed, string? reason, CancellationToken cancel)
    {
        if (CertificateCodes.Normalise(typed) is not { } code)
        {
            return Fail($"'{typed}' is not a certificate code.");
        }
        var (outcome, replacement) = await CertificateActions.ReissueAsync(db, code, actorId: null, DateTime.UtcNow,
            (old, next) => AuditLog.AddFromCli(db, next.IssuedAt, CertificateActions.ReissueAction, CertificateActions.TargetType, old.Code,
                string.IsNullOrWhiteSpace(reason) ? "name correction" : reason.Trim(), $"{old.HolderName} → {next.HolderName}; new certificate {next.Code}", old.UserId),
            cancel);
        return outcome switch
        {
            CertificateActionOutcome.Done => Ok($"Reissued {CertificateCodes.Display(code)} as {CertificateCodes.Display(replacement!.Code)} for {replacement.HolderName}."),
            CertificateActionOutcome.AlreadyRevoked => Fail($"{CertificateCodes.Display(code)} is revoked; reissue its current certificate instead."),
            _ => Fail($"No certificate has the code {CertificateCodes.Display(code)}."),
        };
    }

    private static async Task<int> VerifyAsync(AppDbContext db, string typed, CancellationToken cancel)
    {
        if (CertificateCodes.Normalise(typed) is not { } code)
        {
            await Console.Error.WriteLineAsync($"error: '{typed}' is not a certificate code (28 letters and digits).");
            return 2;
        }
        var row = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancel);
        if (row is null)
        {
            Console.WriteLine($"unknown: no certificate has the code {CertificateCodes.Display(code)}.");
            return 1;
        }
        var facts = CertificateFacts.From(row);
        var state = facts.StateAt(DateTime.UtcNow);
        var detail = state switch
        {
            CertificateState.Expired => $" (expired {facts.ExpiresAt:yyyy-MM-dd})",
            CertificateState.Revoked => $" (revoked {facts.RevokedAt:yyyy-MM-dd}: {facts.RevokedReason})",
            _ => "",
        };
        Console.WriteLine($"{state.ToString().ToLowerInvariant()}{detail}: {facts.Title} · {facts.HolderName} · issued {facts.IssuedAt:yyyy-MM-dd} by {facts.IssuerName}");
        return state == CertificateState.Valid ? 0 : 1;
    }

    private static string State(Certificate c, DateTime now) => CertificateFacts.From(c).StateAt(now).ToString().ToLowerInvariant();

    private static int Ok(string message)
    {
        Console.WriteLine(message);
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return 1;
    }
}
