using System.Text;
using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ELearning.Content.Markdown;

// Enforces the link policy on the parsed document, before rendering: neutralises disallowed schemes, requires alt
// text and local images, and rewrites relative links to lesson files into app URLs
// (../02-cross-border-cases/03-jit.md#a → ../cross-border-cases/jit#a). Working on LinkInline.Url means working on
// the decoded address (entities and backslash escapes already resolved by Markdig), which is what the browser will
// see once it decodes the attribute.
internal sealed class LinkRewriter
{
    private readonly DiagnosticBag _diagnostics;
    private readonly List<FileReference> _references;
    private readonly string[] _lessonFolder;
    private readonly string[] _appFolder;

    private LinkRewriter(LessonAddress address, DiagnosticBag diagnostics, List<FileReference> references)
    {
        _diagnostics = diagnostics;
        _references = references;
        _lessonFolder = [address.CourseSlug, address.ModuleFolder];
        _appFolder = [address.CourseSlug, address.ModuleSlug];
    }

    public static void Apply(MarkdownDocument document, LessonAddress address, DiagnosticBag diagnostics, List<FileReference> references)
    {
        var rewriter = new LinkRewriter(address, diagnostics, references);
        // Materialise first: the passes below replace and remove inlines.
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            rewriter.Visit(autolink);
        }
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            rewriter.Visit(link);
        }
    }

    private void Visit(AutolinkInline autolink)
    {
        var scheme = autolink.IsEmail ? "mailto" : UrlPolicy.SchemeOf(autolink.Url);
        if (!UrlPolicy.IsAllowed(scheme))
        {
            WarnScheme(autolink, scheme);
            autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
        }
    }

    private void Visit(LinkInline link)
    {
        // Dynamic URLs are computed at render time; pin them now so the policy sees what will be written.
        var url = link.GetDynamicUrl?.Invoke() ?? link.Url ?? "";
        link.GetDynamicUrl = null;
        link.Url = url;
        var scheme = UrlPolicy.SchemeOf(url);
        var (line, column) = Position(link);

        if (link.IsImage)
        {
            if (PlainText(link).Trim().Length == 0)
            {
                _diagnostics.Error(line, column,
                    "image has no alt text; describe what it shows, e.g. ![A hearing room with soft chairs](media/room.jpg)");
            }
            if (scheme is not null || IsRooted(url))
            {
                _diagnostics.Error(line, column, $"image '{url}' must be a file in the module's media/ folder "
                    + "(no external images: learners' browsers must not contact other sites)");
                if (!UrlPolicy.IsAllowed(scheme))
                {
                    link.ReplaceBy(new LiteralInline(PlainText(link)), copyChildren: false);
                }
                return;
            }
            RewriteRelative(link, url, line, column);
            return;
        }

        if (!UrlPolicy.IsAllowed(scheme))
        {
            WarnScheme(link, scheme);
            Unwrap(link);
            return;
        }
        if (UrlPolicy.IsProtocolRelative(url))
        {
            // Another site, not this one: written out as https so readers and reviewers see where it leads.
            link.Url = UrlPolicy.Absolute(url);
            return;
        }
        if (scheme is null && !IsRooted(url))
        {
            RewriteRelative(link, url, line, column);
        }
    }

    private void RewriteRelative(LinkInline link, string url, int line, int column)
    {
        var suffixStart = url.IndexOfAny(['?', '#']);
        var path = suffixStart < 0 ? url : url[..suffixStart];
        var suffix = suffixStart < 0 ? "" : url[suffixStart..];
        if (path.Length == 0)
        {
            // "#anchor" or "?x": the lesson itself.
            if (link.IsImage)
            {
                _diagnostics.Error(line, column, "image has no file name");
            }
            return;
        }

        var decoded = Uri.UnescapeDataString(path).Replace('\\', '/');
        var target = new List<string>(_lessonFolder);
        foreach (var segment in decoded.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }
            if (segment == "..")
            {
                if (target.Count == 0)
                {
                    _diagnostics.Error(line, column, $"'{url}' points outside the content folder");
                    return;
                }
                target.RemoveAt(target.Count - 1);
                continue;
            }
            target.Add(segment);
        }

        var appTarget = decoded.EndsWith('/') ? null : ToAppPath(target, link.IsImage, url, line, column);
        if (appTarget is null)
        {
            if (decoded.EndsWith('/'))
            {
                _diagnostics.Error(line, column, $"'{url}' is a folder; link to a lesson file (NN-lesson.md) instead");
            }
            return;
        }
        _references.Add(new FileReference(url, string.Join('/', target), line, column, link.IsImage));
        link.Url = RelativeTo(_appFolder, appTarget) + suffix;
    }

    // Maps a content path to the app's address space, where module folders are known by their slug.
    private List<string>? ToAppPath(List<string> target, bool isImage, string url, int line, int column)
    {
        var name = target.Count > 0 ? target[^1] : "";
        if (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            if (isImage)
            {
                _diagnostics.Error(line, column, $"image '{url}' is a Markdown file");
                return null;
            }
            if (target.Count == 3
                && ContentNames.IsSlug(target[0])
                && ContentNames.TryParseNumbered(target[1], out _, out var moduleSlug)
                && ContentNames.TryParseLessonFile(target[2], out _, out var lessonSlug))
            {
                return [target[0], moduleSlug, lessonSlug];
            }
            _diagnostics.Error(line, column, ContentNames.IsTranslationFile(name)
                ? $"'{url}' is a translation; link to the lesson itself (NN-lesson.md)"
                : $"'{url}' is not a lesson; lessons are <course>/<NN-module>/<NN-lesson>.md");
            return null;
        }
        if (target.Count >= 4
            && ContentNames.IsSlug(target[0])
            && ContentNames.TryParseNumbered(target[1], out _, out var mediaModuleSlug)
            && target[2] == ContentNames.MediaFolder)
        {
            if (!MediaFiles.IsServable(name))
            {
                _diagnostics.Error(line, column,
                    $"'{url}' cannot be served: media/ holds images only ({string.Join(", ", MediaFiles.Extensions)}); "
                    + "SVG is excluded because it can run scripts");
                return null;
            }
            return [target[0], mediaModuleSlug, .. target.Skip(2)];
        }
        _diagnostics.Error(line, column, $"'{url}' must point to a lesson (NN-lesson.md) or to a file in a module's media/ folder");
        return null;
    }

    private static string RelativeTo(string[] folder, List<string> target)
    {
        var common = 0;
        while (common < folder.Length && common < target.Count - 1
            && string.Equals(folder[common], target[common], StringComparison.Ordinal))
        {
            common++;
        }
        var parts = Enumerable.Repeat("..", folder.Length - common).Concat(target.Skip(common).Select(Uri.EscapeDataString));
        return string.Join('/', parts);
    }

    private void WarnScheme(Inline inline, string? scheme)
    {
        var (line, column) = Position(inline);
        _diagnostics.Warning(line, column,
            $"'{scheme}:' links are not allowed (only http, https, mailto and relative links); the link is shown as text");
    }

    // "/x" is site-absolute, "//host" and "\\host" are protocol-relative: not files of this lesson.
    private static bool IsRooted(string url) => url.TrimStart().StartsWith('/') || url.TrimStart().StartsWith('\\');

    private static (int Line, int Column) Position(Inline inline) => (inline.Line + 1, inline.Column + 1);

    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
    }

    internal static string PlainText(ContainerInline container)
    {
        var text = new StringBuilder();
        Append(container, text);
        return text.ToString();

        static void Append(ContainerInline container, StringBuilder text)
        {
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        text.Append(literal.Content.AsSpan());
                        break;
                    case CodeInline code:
                        text.Append(code.Content);
                        break;
                    case LineBreakInline:
                        text.Append(' ');
                        break;
                    case ContainerInline child:
                        Append(child, text);
                        break;
                }
            }
        }
    }
}
