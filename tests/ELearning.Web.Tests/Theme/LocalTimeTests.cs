using Bunit;
using ELearning.Theming;
using ELearning.Themes.Default;
using ELearning.Web.Components;
using Microsoft.AspNetCore.Http;

namespace ELearning.Web.Tests.Theme;

public sealed class LocalTimeTests : ThemeTestContext
{
    private static readonly DateTime Winter = new(2026, 11, 30, 3, 31, 0, DateTimeKind.Utc);
    private static readonly DateTime Summer = new(2026, 7, 1, 3, 31, 0, DateTimeKind.Utc);

    [Fact]
    public void WithoutAKnownZoneTimesShowInUtc()
    {
        var time = Render<LocalTime>(p => p.Add(t => t.Value, Winter)).Find("time");
        Assert.Equal("2026-11-30 03:31 UTC", time.TextContent);
        Assert.Equal("2026-11-30T03:31:00Z", time.GetAttribute("datetime"));
        Assert.Equal("2026-11-30 03:31 UTC", time.GetAttribute("title"));
    }

    [Fact]
    public void InTheLearnersZoneTheTimeIsLocalWithItsOffsetAndUtcOnHover()
    {
        var zone = new DisplayTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Bucharest"));
        var winter = Render<LocalTime>(p => p.Add(t => t.Value, Winter).AddCascadingValue(zone)).Find("time");
        Assert.Equal("2026-11-30 05:31 UTC+2", winter.TextContent);
        Assert.Equal("2026-11-30 03:31 UTC", winter.GetAttribute("title"));
        Assert.Equal("2026-11-30T03:31:00Z", winter.GetAttribute("datetime"));

        var summer = Render<LocalTime>(p => p.Add(t => t.Value, Summer).Add(t => t.Show, LocalTime.Parts.Time).AddCascadingValue(zone)).Find("time");
        Assert.Equal("06:31 UTC+3", summer.TextContent);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("Mars/Olympus_Mons", true)]
    [InlineData("../../etc/passwd", true)]
    [InlineData("Europe/Madrid", false)]
    public void TheZoneComesFromTheCookieAndAnythingUnknownIsUtc(string? cookie, bool utc)
    {
        var http = new DefaultHttpContext();
        if (cookie is not null)
        {
            http.Request.Headers.Cookie = "tz=" + Uri.EscapeDataString(cookie);
        }
        Assert.Equal(utc, LearnerTimeZone.From(http).IsUtc);
    }
}
