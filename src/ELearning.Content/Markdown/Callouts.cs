using Markdig.Extensions.Alerts;
using Markdig.Helpers;
using Markdig.Renderers;

namespace ELearning.Content.Markdown;

// GitHub alert kinds plus the project's own (LEGAL, COUNTRY, PRACTICE).
internal static class Callouts
{
    private static readonly Dictionary<string, string> s_projectTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LEGAL"] = "Legal",
        ["COUNTRY"] = "Country",
        ["PRACTICE"] = "Practice",
    };

    private static readonly HashSet<string> s_gitHubKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION",
    };

    public static bool IsKnown(string kind) => s_gitHubKinds.Contains(kind) || s_projectTitles.ContainsKey(kind);

    // Writes the title paragraph; Markdig's alert parser already set markdown-alert markdown-alert-{kind}.
    public static void RenderTitle(HtmlRenderer renderer, StringSlice kind)
    {
        if (s_projectTitles.TryGetValue(kind.ToString(), out var title))
        {
            renderer.WriteLine($"<p class=\"markdown-alert-title\">{title}</p>");
            return;
        }
        AlertBlockRenderer.DefaultRenderKind(renderer, kind);
    }
}
