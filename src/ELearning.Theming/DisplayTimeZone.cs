using System.Globalization;

namespace ELearning.Theming;

/// <summary>
/// The time zone a page shows times in: the learner's, as their browser reported it, or UTC when unknown (no script,
/// first visit, an unknown zone). Times in view models stay UTC; templates convert them here. Cascaded to every page.
/// </summary>
public sealed class DisplayTimeZone(TimeZoneInfo zone)
{
    public static DisplayTimeZone Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone { get; } = zone;

    public bool IsUtc => Zone.BaseUtcOffset == TimeSpan.Zero && !Zone.SupportsDaylightSavingTime;

    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"UTC", "UTC+2", "UTC+5:30", "UTC-3" at that moment (daylight saving included).</summary>
    public string OffsetLabel(DateTime utc)
    {
        if (IsUtc)
        {
            return "UTC";
        }
        var offset = Zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return "UTC" + sign + abs.Hours.ToString(CultureInfo.InvariantCulture)
            + (abs.Minutes == 0 ? "" : ":" + abs.Minutes.ToString("00", CultureInfo.InvariantCulture));
    }
}
