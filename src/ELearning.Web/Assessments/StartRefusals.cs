using System.Globalization;
using ELearning.Content.Learners;
using ELearning.Theming;
using Microsoft.Extensions.Localization;

namespace ELearning.Web.Assessments;

internal static class StartRefusals
{
    /// <summary>The refusal in the learner's language; null when there is nothing to say (none, or an attempt to resume).</summary>
    public static string? Text(StartRefusal? refusal, IStringLocalizer l, DisplayTimeZone zone) => refusal switch
    {
        StartRefusal.Locked(var moduleLock) => l["ModuleLocked", string.Join(", ", moduleLock.Prerequisites.Select(m => m.Title))].Value,
        StartRefusal.NoAttemptsLeft(1) => l["NoAttemptsLeftOnlyOne"].Value,
        StartRefusal.NoAttemptsLeft(var max) => l["NoAttemptsLeft", max].Value,
        StartRefusal.Wait(var until) => l["WaitBeforeNextAttempt",
            zone.ToLocal(until).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + zone.OffsetLabel(until)].Value,
        _ => null,
    };
}
