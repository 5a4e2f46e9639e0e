using System.Net;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Cohorts;

/// <summary><c>access: cohort</c>: content restricted to its cohorts, enforced for every route under it.</summary>
public sealed class CohortContentAccessTests
{
    private static TestApp AppWithRestrictedMoneyModule() => new(prepare: root => FixtureContent.Write(root, "thb/02-money/module.yml", """
        title: Following the money
        summary: Financial investigation.
        prerequisites: []
        access: cohort
        """));

    [Fact]
    public async Task ALearnerOutsideTheCohortsNeitherSeesNorOpensARestrictedModule()
    {
        using var app = AppWithRestrictedMoneyModule();
        using var learner = await app.SignedInAsync("ana@example.eu");

        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetPageAsync(FixtureContent.MoneyLesson)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetPageAsync("/courses/thb/money")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetPageAsync("/courses/thb/money/media/x.png")).Status);
        var catalog = await learner.GetHtmlAsync("/");
        Assert.Contains("Hearing victims", catalog, StringComparison.Ordinal);
        Assert.DoesNotContain("Following the money", catalog, StringComparison.Ordinal);
        Assert.DoesNotContain("Following the money", await learner.GetHtmlAsync(FixtureContent.Course), StringComparison.Ordinal);
        // The open module is unaffected.
        Assert.Equal(HttpStatusCode.OK, (await learner.GetPageAsync(FixtureContent.FirstLesson)).Status);
    }

    [Fact]
    public async Task AMemberOfACohortCoveringTheModuleOpensIt()
    {
        using var app = AppWithRestrictedMoneyModule();
        using var learner = await app.SignedInAsync("ana@example.eu");
        await app.AddMemberAsync(await app.CreateCohortAsync("Whole course"), "ana@example.eu");

        Assert.Equal(HttpStatusCode.OK, (await learner.GetPageAsync(FixtureContent.MoneyLesson)).Status);
        Assert.Contains("Following the money", await learner.GetHtmlAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACohortOfOtherModulesDoesNotOpenIt()
    {
        using var app = AppWithRestrictedMoneyModule();
        using var learner = await app.SignedInAsync("ana@example.eu");
        await app.AddMemberAsync(await app.CreateCohortAsync("Hearing only", modules: "hearing"), "ana@example.eu");

        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetPageAsync(FixtureContent.MoneyLesson)).Status);
    }

    [Fact]
    public async Task TrainersOpenItAndVisitorsAreAskedToSignIn()
    {
        using var app = AppWithRestrictedMoneyModule();
        using var trainer = await app.SignedInAsync("trainer@example.eu", "Trainer");
        using var visitor = app.CreateBrowser();

        Assert.Equal(HttpStatusCode.OK, (await trainer.GetPageAsync(FixtureContent.MoneyLesson)).Status);
        using var module = await visitor.Http.GetAsync("/courses/thb/money");
        Assert.Equal(HttpStatusCode.Redirect, module.StatusCode);
        Assert.Contains("/Account/Login", module.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Following the money", await visitor.GetHtmlAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACourseRestrictedToCohortsIsNotFoundForOthersAndOpenForItsMembers()
    {
        using var app = new TestApp(prepare: root => FixtureContent.Write(root, "thb/course.yml", """
            title: Countering trafficking
            summary: A fixture course.
            languages: [en]
            access: cohort
            """));
        using var outsider = await app.SignedInAsync("ion@example.eu");
        using var member = await app.SignedInAsync("ana@example.eu");
        await app.AddMemberAsync(await app.CreateCohortAsync("Poiana"), "ana@example.eu");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetPageAsync(FixtureContent.Course)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetPageAsync(FixtureContent.FirstLesson)).Status);
        Assert.DoesNotContain("Countering trafficking", await outsider.GetHtmlAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await member.GetPageAsync(FixtureContent.FirstLesson)).Status);
        Assert.Contains("Countering trafficking", await member.GetHtmlAsync("/"), StringComparison.Ordinal);
    }
}
