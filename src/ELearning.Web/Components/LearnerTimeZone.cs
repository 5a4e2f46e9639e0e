using ELearning.Theming;

namespace ELearning.Web.Components;

/// <summary>
/// The zone times are shown in. The theme's script stores the browser's IANA zone in the <c>tz</c> cookie; without
/// script, on a first visit or with an unknown zone, times show in UTC. Only display depends on it: times are stored
/// and compared in UTC.
/// </summary>
internal static class LearnerTimeZone
{
    public const string Cookie = "tz";

    public static IServiceCollection AddLearnerTimeZone(this IServiceCollection services) =>
        services.AddCascadingValue(sp => From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext));

    public static DisplayTimeZone From(HttpContext? http)
    {
        var name = http?.Request.Cookies[Cookie];
        return name is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone)
            ? new DisplayTimeZone(zone)
            : DisplayTimeZone.Utc;
    }
}
