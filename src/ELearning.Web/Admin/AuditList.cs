using System.Globalization;
using ELearning.Theming;
using ELearning.Web.Audit;
using ELearning.Web.Reports;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ELearning.Web.Admin;

/// <summary>The audit log filtered by action, actor, learner and period, newest first, as the page and its CSV show it.</summary>
internal static class AuditList
{
    public const int PageSize = 100;

    public static IQueryable<AuditEntry> Filter(AppDbContext db, string? action, string? actor, string? learner, ReportPeriod period)
    {
        var entries = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action))
        {
            var a = action.Trim();
            // "role" matches role.grant and role.revoke; "role.grant" only itself.
            entries = entries.Where(e => e.Action == a || e.Action.StartsWith(a + "."));
        }
        if (!string.IsNullOrWhiteSpace(actor))
        {
            var pattern = "%" + Escape(actor.Trim()) + "%";
            entries = entries.Where(e => e.ActorId == actor.Trim() || EF.Functions.Like(e.ActorName, pattern, "\\"));
        }
        if (!string.IsNullOrWhiteSpace(learner))
        {
            var id = learner.Trim();
            entries = entries.Where(e => e.LearnerId == id);
        }
        var start = period.Start;
        var end = period.End;
        return entries.Where(e => e.At >= start && e.At < end).OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
    }

    public static ReportTable ToTable(IEnumerable<AuditEntry> entries, IStringLocalizer<Strings> l) =>
        new(
            [l["AuditAt"], l["AuditActor"], l["AuditAction"], l["AuditTarget"], l["AuditLearner"], l["AuditReason"], l["AuditDetails"], l["AuditAddress"]],
            [.. entries.Select(e => (IReadOnlyList<string>)[
                DateTime.SpecifyKind(e.At, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                e.ActorName, e.Action, e.TargetType + " " + e.TargetId, e.LearnerId ?? "", e.Reason, e.Details, e.Address])]);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
