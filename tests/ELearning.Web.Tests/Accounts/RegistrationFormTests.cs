using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Accounts;

public sealed class RegistrationFormTests
{
    [Fact]
    public async Task EveryTextInputOfTheRegistrationFormHasATypeSoTheThemeStylesIt()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        var (_, page) = await browser.GetPageAsync("/Account/Register");
        Assert.Equal("text", page.GetElementById("display-name")!.GetAttribute("type"));
        Assert.Equal("text", page.GetElementById("institution")!.GetAttribute("type"));
        Assert.All(page.QuerySelectorAll("form input"), i => Assert.False(string.IsNullOrEmpty(i.GetAttribute("type")), i.OuterHtml));
    }

    [Fact]
    public async Task TheCountryListShowsEnglishNamesInAlphabeticalOrder()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        var (_, page) = await browser.GetPageAsync("/Account/Register");
        var names = page.QuerySelectorAll("#country option").Skip(1).Select(o => o.TextContent.Trim()).ToList();

        Assert.Contains("Switzerland", names);
        Assert.Contains("Norway", names);
        Assert.Contains("Greece", names);
        Assert.Contains("North Macedonia", names);
        Assert.Equal(names.Order(StringComparer.InvariantCulture), names);
        Assert.All(names, n => Assert.Matches(@"^[A-Za-zü ]+$", n));
        Assert.Equal("CH", page.QuerySelectorAll("#country option").Single(o => o.TextContent.Trim() == "Switzerland").GetAttribute("value"));
    }
}
