using System.Globalization;
using System.Net;
using ELearning.Web.Accounts;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Cohorts;

/// <summary>What adding learners did: accounts added, those already in, and invitations made for unknown addresses.</summary>
internal sealed record AddOutcome(int Added, int AlreadyMembers, IReadOnlyList<(Invitation Invitation, ImportRow Row)> Invited);

/// <summary>
/// Adding learners by email, one or from a CSV: an existing account joins the cohort at once; an address without an
/// account gets a one-use invitation (to be mailed after the commit). All of it in one transaction.
/// </summary>
internal static class CohortMembers
{
    /// <param name="audit">Adds the audit entry of one change (web: <c>AuditLog.Add</c>; CLI: <c>AddFromCli</c>).</param>
    public static async Task<AddOutcome> AddAsync(
        AppDbContext db, Cohort cohort, IReadOnlyList<ImportRow> rows, string actorId, DateTime now,
        Action<string, string?, string> audit, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var normalized = rows.Select(r => r.Email.ToUpperInvariant()).ToList();
        var accounts = await db.Users.Where(u => normalized.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Id, u.NormalizedEmail }).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, cancellationToken);
        var members = (await db.CohortMembers.Where(m => m.CohortId == cohort.Id).Select(m => m.UserId).ToListAsync(cancellationToken)).ToHashSet();
        int added = 0, already = 0;
        var invited = new List<(Invitation, ImportRow)>();
        foreach (var row in rows)
        {
            if (accounts.TryGetValue(row.Email.ToUpperInvariant(), out var userId))
            {
                if (!members.Add(userId))
                {
                    already++;
                    continue;
                }
                db.CohortMembers.Add(new CohortMember { CohortId = cohort.Id, UserId = userId, JoinedAt = now });
                audit("cohort.member.add", userId, row.Email);
                added++;
            }
            else
            {
                var invitation = Invitations.Create(db, cohort.Id, maxUses: 1, now + Invitations.DefaultValidity, row.Email, actorId, now);
                audit("cohort.invite", null, row.Email);
                invited.Add((invitation, row));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AddOutcome(added, already, invited);
    }

    /// <summary>
    /// The invitation built in code, for the CLI (<c>elearn cohorts invite</c>): it has no theme to render the
    /// <c>invitation.cshtml</c> template from. The web app mails the template (Mails.SendInvitationAsync).
    /// </summary>
    public static OutgoingMail InvitationMail(string to, string? name, string cohortName, Uri link, DateTime expiresAt, string code)
    {
        var greeting = string.IsNullOrWhiteSpace(name) ? "Hello," : $"Hello {name},";
        var until = ExpiryText(expiresAt);
        var subject = $"Invitation: {cohortName}";
        var text = $"{greeting}\n\nYou are invited to the training session \"{cohortName}\" on ELearning.\n"
            + $"Open this link to join (create your account first if you have none):\n\n{link.AbsoluteUri}\n\n"
            + $"Or enter the code {code} when you register. The invitation is valid until {until}.\n";
        var html = $"<p>{WebUtility.HtmlEncode(greeting)}</p>"
            + $"<p>You are invited to the training session <strong>{WebUtility.HtmlEncode(cohortName)}</strong> on ELearning.</p>"
            + $"<p><a href=\"{WebUtility.HtmlEncode(link.AbsoluteUri)}\">Join the training session</a> (create your account first if you have none).</p>"
            + $"<p>Or enter the code <code>{WebUtility.HtmlEncode(code)}</code> when you register. The invitation is valid until {until}.</p>";
        return new OutgoingMail(to, subject, text, html);
    }

    /// <summary>An invitation's last day as mails print it (UTC).</summary>
    public static string ExpiryText(DateTime expiresAt) => expiresAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Mails each invitation; returns how many could not be sent (they stay listed on the cohort page with their code).</summary>
    /// <paramref name="send"/> mails one invitation with its join link: the web app from the theme's template, the CLI with
    /// <see cref="InvitationMail"/>.
    public static async Task<int> SendInvitationsAsync(
        ILogger logger, IEnumerable<(Invitation Invitation, ImportRow Row)> invited, Func<string, Uri?> link,
        Func<Invitation, ImportRow, Uri, Task> send)
    {
        var failed = 0;
        foreach (var (invitation, row) in invited)
        {
            if (link("/join/" + invitation.Code) is not { } url)
            {
                logger.LogWarning("Invitation to {Recipient} not mailed: set App:PublicUrl so mails can link to the site.", row.Email);
                failed++;
                continue;
            }
            try
            {
                await send(invitation, row, url);
            }
            catch (Exception e)
            {
                // Whatever failed (the mail server, the theme's template), the members and invitations are saved: the
                // invitation is counted as not mailed and its code stays listed to hand out another way.
                logger.LogError(e, "Invitation to {Recipient} could not be sent.", row.Email);
                failed++;
            }
        }
        return failed;
    }
}
