using System.Collections.Concurrent;
using System.Dynamic;
using System.Reflection;
using ELearning.Content.Diagnostics;
using Microsoft.Extensions.DependencyModel;
using RazorLight;
using RazorLight.Compilation;
using RazorLight.Generation;
using RazorLight.Razor;

namespace ELearning.Web.Templates;

/// <summary>
/// The theme's RazorLight templates (<c>themes/&lt;Theme&gt;/templates/*.cshtml</c>, beside the app), each of which a
/// deployment may override with a file of the same name in <c>Theme:TemplatesOverride</c>. Compiled once per file
/// version (path, size and modification time are looked at on every render, so an edit shows on the next one). A version
/// that does not compile or render is reported as <c>file:line:col</c> and the last good version keeps serving; with no
/// good version yet, the shipped file serves.
/// </summary>
internal sealed partial class ThemeTemplates : IDisposable
{
    /// <summary>Every template the app renders, without the <c>.cshtml</c> extension.</summary>
    public static IReadOnlyList<string> Names { get; } = ["certificate", "password-reset", "invitation", "certificate-issued"];

    private readonly string _shippedFolder;
    private readonly string _shippedDisplay;
    private readonly string? _overrideFolder;
    private readonly RazorLightEngine _engine;
    private readonly ConcurrentDictionary<string, string> _sources = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _lastGood = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Key, ContentDiagnostic Error)> _failed = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _compileLock = new(1, 1);

    /// <param name="shippedFolder">The theme's own templates.</param>
    /// <param name="shippedDisplay">How its files are named in diagnostics, e.g. <c>themes/Default/templates</c>.</param>
    /// <param name="overrideFolder">A deployment's folder of replacements, or null.</param>
    public ThemeTemplates(string shippedFolder, string shippedDisplay, string? overrideFolder)
    {
        _shippedFolder = shippedFolder;
        _shippedDisplay = shippedDisplay;
        _overrideFolder = string.IsNullOrWhiteSpace(overrideFolder) ? null : Path.GetFullPath(overrideFolder);
        _engine = new RazorLightEngineBuilder()
            .UseProject(new SourceProject(_sources))
            .SetOperatingAssembly(OperatingAssembly())
            .UseMemoryCachingProvider()
            .Build();
    }

    /// <summary>The shipped folder of a theme as copied beside the app's assemblies.</summary>
    public static string ShippedFolder(string themeName) => Path.Combine(AppContext.BaseDirectory, "themes", themeName, "templates");

    /// <summary>The current errors: one per template whose newest version fails (the last good one is serving).</summary>
    public IReadOnlyList<ContentDiagnostic> Diagnostics =>
        [.. _failed.Where(f => f.Value.Key == Locate(f.Key)?.Key).Select(f => f.Value.Error).OrderBy(d => d.Path, StringComparer.Ordinal)];

    /// <summary>Renders <paramref name="name"/> with <paramref name="model"/>; <paramref name="viewBag"/> receives what the template sets (a mail's subject).</summary>
    public async Task<string> RenderAsync<TModel>(string name, TModel model, ExpandoObject? viewBag = null)
    {
        var current = Locate(name);
        if (current is not null && !IsKnownBad(name, current.Value.Key))
        {
            try
            {
                var output = await RenderVersionAsync(current.Value, model, viewBag);
                _lastGood[name] = current.Value.Key;
                _failed.TryRemove(name, out _);
                return output;
            }
            catch (TemplateFailure failure)
            {
                _failed[name] = (current.Value.Key, failure.Diagnostic);
            }
        }
        if (_lastGood.TryGetValue(name, out var good) && (current is null || good != current.Value.Key))
        {
            return await _engine.RenderTemplateAsync(await _engine.CompileTemplateAsync(good), model, viewBag);
        }
        // No good version yet (a broken override at start-up): the theme's own file.
        var shipped = Version(name, Path.Combine(_shippedFolder, name + ".cshtml"), $"{_shippedDisplay}/{name}.cshtml")
            ?? throw new FileNotFoundException($"The theme has no template {name}.cshtml.", Path.Combine(_shippedFolder, name + ".cshtml"));
        var result = await RenderVersionAsync(shipped, model, viewBag);
        _lastGood[name] = shipped.Key;
        return result;
    }

    /// <summary>Compiles the current version of every template (without rendering it) and returns the errors: for lint and the trainers' page.</summary>
    public async Task<IReadOnlyList<ContentDiagnostic>> CheckAsync()
    {
        foreach (var name in Names)
        {
            if (Locate(name) is { } current && !IsKnownBad(name, current.Key))
            {
                try
                {
                    await CompileAsync(current);
                    _failed.TryRemove(name, out _);
                }
                catch (TemplateFailure failure)
                {
                    _failed[name] = (current.Key, failure.Diagnostic);
                }
            }
        }
        return Diagnostics;
    }

    /// <summary>A theme file beside the templates (a logo), from the override folder when it has one; null when neither has it.</summary>
    public string? FindFile(string fileName)
    {
        if (_overrideFolder is not null && File.Exists(Path.Combine(_overrideFolder, fileName)))
        {
            return Path.Combine(_overrideFolder, fileName);
        }
        var shipped = Path.Combine(_shippedFolder, fileName);
        return File.Exists(shipped) ? shipped : null;
    }

    public void Dispose() => _compileLock.Dispose();

    private bool IsKnownBad(string name, string key) => _failed.TryGetValue(name, out var failed) && failed.Key == key;

    /// <summary>The override when it exists, else the shipped file; keyed by path, size and modification time.</summary>
    private TemplateVersion? Locate(string name)
    {
        if (_overrideFolder is not null && Version(name, Path.Combine(_overrideFolder, name + ".cshtml"), null) is { } overridden)
        {
            return overridden;
        }
        return Version(name, Path.Combine(_shippedFolder, name + ".cshtml"), $"{_shippedDisplay}/{name}.cshtml");
    }

    private static TemplateVersion? Version(string name, string path, string? display)
    {
        var file = new FileInfo(path);
        return file.Exists
            ? new TemplateVersion(name, file.FullName, display ?? file.FullName, $"{file.FullName}?v={file.LastWriteTimeUtc.Ticks}-{file.Length}")
            : null;
    }

    private async Task<string> RenderVersionAsync<TModel>(TemplateVersion version, TModel model, ExpandoObject? viewBag)
    {
        var page = await CompileAsync(version);
        try
        {
            return await _engine.RenderTemplateAsync(page, model, viewBag);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A template that compiles but throws (a wrong @model, a null it did not expect) is as broken as one that does not compile.
            var (line, column) = RuntimeLine(e, version.Key);
            throw new TemplateFailure(new ContentDiagnostic(version.Display, line, column, DiagnosticSeverity.Error, $"the template failed while rendering: {e.Message}"));
        }
    }

    private async Task<ITemplatePage> CompileAsync(TemplateVersion version)
    {
        await _compileLock.WaitAsync();
        try
        {
            if (!_sources.ContainsKey(version.Key))
            {
                _sources[version.Key] = await File.ReadAllTextAsync(version.Path);
            }
            return await _engine.CompileTemplateAsync(version.Key);
        }
        catch (TemplateGenerationException e)
        {
            var first = e.Diagnostics.Count > 0 ? e.Diagnostics[0] : null;
            throw new TemplateFailure(first is null
                ? new ContentDiagnostic(version.Display, 1, 1, DiagnosticSeverity.Error, e.Message)
                : new ContentDiagnostic(version.Display, first.Span.LineIndex + 1, first.Span.CharacterIndex + 1, DiagnosticSeverity.Error, first.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        }
        catch (TemplateCompilationException e)
        {
            var first = e.CompilationDiagnostics is { Count: > 0 } all ? all[0] : null;
            var message = first?.ErrorMessage ?? (e.CompilationErrors.Count > 0 ? e.CompilationErrors[0] : e.Message);
            var line = first?.LineSpan is { IsValid: true } span ? span.StartLinePosition.Line + 1 : 1;
            var column = first?.LineSpan is { IsValid: true } start ? start.StartLinePosition.Character + 1 : 1;
            throw new TemplateFailure(new ContentDiagnostic(version.Display, line, SourceColumn(_sources[version.Key], line, column, message),
                DiagnosticSeverity.Error, message));
        }
        finally
        {
            _compileLock.Release();
        }
    }

    /// <summary>
    /// The #line pragmas map C# errors to the template's line, but the column is the generated code's (<c>Write(</c> comes
    /// first). The name the message quotes (<c>'Nme'</c>) is looked up on that line instead; failing that, the column stays.
    /// </summary>
    private static int SourceColumn(string source, int line, int column, string message)
    {
        var lines = source.Split('\n');
        if (line < 1 || line > lines.Length)
        {
            return column;
        }
        var text = lines[line - 1];
        foreach (var quoted in QuotedNames().Matches(message).Select(m => m.Groups[1].Value))
        {
            var at = QuotedAt(text, quoted);
            if (at >= 0)
            {
                return at + 1;
            }
        }
        return Math.Clamp(column, 1, Math.Max(1, text.Length));
    }

    /// <summary>Where <paramref name="name"/> stands on the line as a whole word, or -1.</summary>
    private static int QuotedAt(string text, string name)
    {
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + name.Length >= text.Length || !char.IsLetterOrDigit(text[at + name.Length]);
            if (before && after)
            {
                return at;
            }
        }
        return -1;
    }

    [System.Text.RegularExpressions.GeneratedRegex("'([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex QuotedNames();

    /// <summary>The template line of a render-time exception, from the stack frame the #line pragmas map to the file.</summary>
    private static (int Line, int Column) RuntimeLine(Exception e, string key)
    {
        foreach (var frame in new System.Diagnostics.StackTrace(e, fNeedFileInfo: true).GetFrames())
        {
            if (frame.GetFileName() == key && frame.GetFileLineNumber() > 0)
            {
                return (frame.GetFileLineNumber(), Math.Max(1, frame.GetFileColumnNumber()));
            }
        }
        return (1, 1);
    }

    /// <summary>
    /// Templates compile against the web app's references: its deps file keeps them (PreserveCompilationContext). Beside
    /// another host (the CLI) that file may be missing, and the host's own must do.
    /// </summary>
    private static Assembly OperatingAssembly()
    {
        var web = typeof(ThemeTemplates).Assembly;
        var entry = Assembly.GetEntryAssembly();
        return DependencyContext.Load(web)?.CompileLibraries.Count > 0 || entry is null ? web : entry;
    }

    private readonly record struct TemplateVersion(string Name, string Path, string Display, string Key);

    private sealed class TemplateFailure(ContentDiagnostic diagnostic) : Exception(diagnostic.ToString())
    {
        public ContentDiagnostic Diagnostic { get; } = diagnostic;
    }

    /// <summary>Hands RazorLight the text read for a version key; imports are not used.</summary>
    private sealed class SourceProject(ConcurrentDictionary<string, string> sources) : RazorLightProject
    {
        public override Task<RazorLightProjectItem> GetItemAsync(string templateKey) =>
            sources.TryGetValue(templateKey, out var source)
                ? Task.FromResult<RazorLightProjectItem>(new TextSourceRazorProjectItem(templateKey, source))
                : throw new TemplateNotFoundException($"No template {templateKey} (layouts and partials are not supported).");

        public override Task<IEnumerable<RazorLightProjectItem>> GetImportsAsync(string templateKey) =>
            Task.FromResult(Enumerable.Empty<RazorLightProjectItem>());
    }
}
