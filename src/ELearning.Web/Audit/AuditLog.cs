using System.Security.Claims;
using ELearning.Web.Storage;

namespace ELearning.Web.Audit;

/// <summary>
/// Adds audit entries to the caller's <see cref="AppDbContext"/> without saving: the entry commits in the same
/// <c>SaveChanges</c> as the action it records, so there is never an action without its entry or an entry without its action.
/// </summary>
internal static class AuditLog
{
    public static AuditEntry Add(
        AppDbContext db,
        HttpContext http,
        string action,
        string targetType,
        string targetId,
        string reason = "",
        string details = "",
        string? learnerId = null)
    {
        var user = http.User;
        return Add(db, new AuditEntry
        {
            At = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            ActorId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            ActorName = user.FindFirstValue(ClaimTypes.Name) ?? "",
            Address = http.Connection.RemoteIpAddress?.ToString() ?? "",
        }, action, targetType, targetId, reason, details, learnerId);
    }

    /// <summary>An entry for an action taken from the command line by the operator (who has the database file anyway).</summary>
    public static AuditEntry AddFromCli(
        AppDbContext db, DateTime at, string action, string targetType, string targetId, string reason = "", string details = "", string? learnerId = null) =>
        Add(db, new AuditEntry { At = at, ActorName = "elearn (command line, " + Environment.UserName + ")", Address = "cli" },
            action, targetType, targetId, reason, details, learnerId);

    // The part both share: what was done, to what, and why.
    private static AuditEntry Add(
        AppDbContext db, AuditEntry entry, string action, string targetType, string targetId, string reason, string details, string? learnerId)
    {
        entry.Action = action;
        entry.TargetType = targetType;
        entry.TargetId = targetId;
        entry.LearnerId = learnerId;
        entry.Details = Truncate(details);
        entry.Reason = Truncate(reason);
        db.AuditLog.Add(entry);
        return entry;
    }

    private static string Truncate(string text) => text.Length <= AuditEntry.TextLength ? text : text[..AuditEntry.TextLength];
}
