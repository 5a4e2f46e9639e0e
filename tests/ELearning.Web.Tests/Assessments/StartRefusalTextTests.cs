using ELearning.Content.Learners;
using ELearning.Theming;
using ELearning.Web.Assessments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ELearning.Web.Tests.Assessments;

public sealed class StartRefusalTextTests
{
    private static IStringLocalizer Strings()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizer<Strings>>();
    }

    [Fact]
    public void ALearnerWhoUsedTheirOnlyAttemptIsNotToldTheyUsedAllOneAttempts()
    {
        var text = StartRefusals.Text(new StartRefusal.NoAttemptsLeft(1), Strings(), DisplayTimeZone.Utc);

        Assert.Equal("You have used your only attempt.", text);
    }

    [Fact]
    public void ALearnerWhoUsedSeveralAttemptsIsToldHowMany()
    {
        var text = StartRefusals.Text(new StartRefusal.NoAttemptsLeft(3), Strings(), DisplayTimeZone.Utc);

        Assert.Equal("You have used all 3 attempts.", text);
    }
}
