using System.Globalization;
using System.Net;
using System.Text;

namespace ELearning.Theming.Charts;

/// <summary>One category on the x axis with a value per series (a missing value is null and draws no bar).</summary>
public sealed record ChartGroup(string Label, IReadOnlyList<double?> Values);

/// <summary>
/// A bar chart drawn on the server: a histogram, counts over time, or paired bars (before/after). Themes show it with
/// its title and its data as a table (<see cref="Groups"/>), so it is readable without the picture.
/// </summary>
public sealed record BarChart(
    string Id,
    string Title,
    string Description,
    string Axis,
    IReadOnlyList<string> Series,
    IReadOnlyList<ChartGroup> Groups,
    string ValueFormat = "0.#")
{
    /// <summary>Top of the value axis; null: the largest value (at least 1).</summary>
    public double? Max { get; init; }

    /// <summary>Appended to values in labels and in the table, e.g. <c>%</c>.</summary>
    public string Unit { get; init; } = "";

    public string Format(double? value) =>
        value is { } v ? v.ToString(ValueFormat, CultureInfo.InvariantCulture) + Unit : "–";
}

/// <summary>
/// Writes a <see cref="BarChart"/> as inline SVG: no script, no colour needed (series differ by pattern and every bar
/// carries its value as text), with a <c>title</c> and <c>desc</c> for assistive technology. Strings are escaped.
/// </summary>
public static class SvgChart
{
    public const int Width = 640;
    public const int Height = 320;
    private const int Left = 40;
    private const int Right = 10;
    private const int Top = 24;
    private const int Bottom = 56;
    public const int PlotHeight = Height - Top - Bottom;

    // Black fill, white hatching on black, open bars: distinct in grey-scale print and for colour-blind readers.
    private static readonly string[] Fills = ["#222", "url(#{0}-hatch)", "#fff"];

    public static string Render(BarChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var id = Escape(chart.Id);
        var max = chart.Max ?? Math.Max(1, chart.Groups.SelectMany(g => g.Values).Max(v => v ?? 0));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Escape(chart.Title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{Escape(chart.Description)}</desc>");
        svg.Append(
            $"<defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">" +
            "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><rect width=\"3\" height=\"6\" fill=\"#222\"/></pattern></defs>");
        var baseline = Top + PlotHeight;
        svg.Append(CultureInfo.InvariantCulture,
            $"<line class=\"chart__axis\" x1=\"{Left}\" y1=\"{baseline}\" x2=\"{Width - Right}\" y2=\"{baseline}\" stroke=\"#222\"/>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text class=\"chart__max\" x=\"{Left - 4}\" y=\"{Top + 4}\" text-anchor=\"end\" font-size=\"11\">{Escape(chart.Format(max))}</text>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{Left - 4}\" y=\"{baseline}\" text-anchor=\"end\" font-size=\"11\">{Escape(chart.Format(0))}</text>");

        var groups = Math.Max(1, chart.Groups.Count);
        var series = Math.Max(1, chart.Series.Count);
        var slot = (double)(Width - Left - Right) / groups;
        var bar = Math.Max(1, (slot * 0.8) / series);
        for (var g = 0; g < chart.Groups.Count; g++)
        {
            var group = chart.Groups[g];
            var x0 = Left + (g * slot) + (slot * 0.1);
            for (var s = 0; s < series && s < group.Values.Count; s++)
            {
                if (group.Values[s] is not { } value)
                {
                    continue;
                }
                var height = max <= 0 ? 0 : Math.Clamp(value / max, 0, 1) * PlotHeight;
                var x = x0 + (s * bar);
                var fill = string.Format(CultureInfo.InvariantCulture, Fills[s % Fills.Length], id);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"chart__bar\" x=\"{N(x)}\" y=\"{N(baseline - height)}\" width=\"{N(bar - 1)}\" height=\"{N(height)}\" fill=\"{fill}\" stroke=\"#222\">");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<title>{Escape(group.Label)}{(chart.Series.Count > 1 ? ", " + Escape(chart.Series[s]) : "")}: {Escape(chart.Format(value))}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"chart__value\" x=\"{N(x + (bar / 2))}\" y=\"{N(baseline - height - 3)}\" text-anchor=\"middle\" font-size=\"10\">{Escape(chart.Format(value))}</text>");
            }
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"chart__label\" x=\"{N(x0 + (slot * 0.4))}\" y=\"{baseline + 14}\" text-anchor=\"middle\" font-size=\"10\">{Escape(Shorten(group.Label))}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture,
            $"<text class=\"chart__axis-label\" x=\"{Width / 2}\" y=\"{Height - 22}\" text-anchor=\"middle\" font-size=\"11\">{Escape(chart.Axis)}</text>");
        if (chart.Series.Count > 1)
        {
            // The legend names each pattern in words, so colour is never the only cue.
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var x = Left + (s * 160);
                var fill = string.Format(CultureInfo.InvariantCulture, Fills[s % Fills.Length], id);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{x}\" y=\"{Height - 14}\" width=\"12\" height=\"12\" fill=\"{fill}\" stroke=\"#222\"/>");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"chart__legend\" x=\"{x + 16}\" y=\"{Height - 4}\" font-size=\"11\">{Escape(chart.Series[s])}</text>");
            }
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Shorten(string label) => label.Length <= 14 ? label : label[..13] + "…";

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
