using System.Globalization;
using System.Xml.Linq;
using Bunit;
using ELearning.Theming.Charts;
using ELearning.Themes.Default;

namespace ELearning.Web.Tests.Theme;

public sealed class SvgChartTests : ThemeTestContext
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static BarChart Histogram(params double?[] values) => new(
        "scores", "Score distribution", "How many learners scored in each band", "Score",
        ["Learners"], [.. values.Select((v, i) => new ChartGroup($"{i * 10}–{(i * 10) + 10}%", [v]))]);

    private static XElement Parse(BarChart chart) => XElement.Parse(SvgChart.Render(chart));

    [Fact]
    public void BarsAreProportionalToTheirValues()
    {
        var svg = Parse(Histogram(2, 4, 1) with { Max = 4 });

        var heights = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "chart__bar")
            .Select(r => double.Parse((string)r.Attribute("height")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([SvgChart.PlotHeight / 2.0, SvgChart.PlotHeight, SvgChart.PlotHeight / 4.0], heights);
    }

    [Fact]
    public void TheChartHasATitleADescriptionAndEveryValueAsText()
    {
        var svg = Parse(Histogram(3, 5));

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Score distribution", svg.Element(Svg + "title")!.Value);
        Assert.Equal("How many learners scored in each band", svg.Element(Svg + "desc")!.Value);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("3", texts);
        Assert.Contains("5", texts);
        Assert.Contains("0–10%", texts);
        Assert.Contains("Score", texts);
    }

    [Fact]
    public void TwoSeriesDifferByPatternAndAreNamedInALegend()
    {
        var chart = new BarChart("gain", "Gain", "Before and after", "Score", ["Pre-test", "Post-test"],
            [new("0–50%", [4, 1]), new("50–100%", [1, 4])]);

        var svg = Parse(chart);

        var fills = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "chart__bar")
            .Select(r => (string)r.Attribute("fill")!).Distinct().ToList();
        Assert.Equal(2, fills.Count);
        Assert.Contains(fills, f => f.StartsWith("url(#gain-hatch", StringComparison.Ordinal));
        var legend = svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "chart__legend").Select(t => t.Value);
        Assert.Equal(["Pre-test", "Post-test"], legend);
    }

    [Fact]
    public void TextFromTheDataIsEscaped()
    {
        var chart = new BarChart("x", "<script>alert(1)</script>", "a & b", "Cohort", ["Learners"],
            [new("<img src=x onerror=alert(1)>", [1])]);

        var markup = SvgChart.Render(chart);

        Assert.DoesNotContain("<script>", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", markup, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", markup, StringComparison.Ordinal);
        // Still well-formed XML.
        Assert.Equal("<script>alert(1)</script>", Parse(chart).Element(Svg + "title")!.Value);
    }

    [Fact]
    public void TheFigureShowsTheDataAsATable()
    {
        var figure = Render<ChartFigure>(p => p.Add(c => c.Chart, Histogram(3, 5)));

        Assert.Equal("Score distribution", figure.Find("figcaption").TextContent.Trim());
        var rows = figure.FindAll("tbody tr").Select(r => r.TextContent.Replace("\n", " ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("0–10%", rows[0], StringComparison.Ordinal);
        Assert.Contains("3", rows[0], StringComparison.Ordinal);
        Assert.NotNull(figure.Find("svg title"));
    }
}
