using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using ELearning.Content.Questions;

namespace ELearning.Content.Tests.Support;

/// <summary>Reads questions out of a lesson body and builds responses, for question tests.</summary>
internal static class Parse
{
    /// <summary>The body's only question, which must be a <typeparamref name="T"/>; the body must have no errors.</summary>
    public static T Question<T>(string markdown)
        where T : Question
    {
        var (body, diagnostics) = Render.Body(markdown);
        DiagnosticAssert.NoErrors(diagnostics);
        return Assert.IsType<T>(Assert.Single(body.Segments.OfType<QuestionSegment>()).Question);
    }

    /// <summary>Asserts the body yields no question and reports this error at exactly this place.</summary>
    public static void HasError(string markdown, int line, int column, string message)
    {
        var (body, diagnostics) = Render.Body(markdown);
        Assert.Empty(body.Segments.OfType<QuestionSegment>());
        DiagnosticAssert.Has(diagnostics, Render.LessonPath, line, column, DiagnosticSeverity.Error, message);
    }

    /// <summary>The errors of a body, for tests that count them.</summary>
    public static IReadOnlyList<ContentDiagnostic> Errors(string markdown) =>
        [.. Render.Body(markdown).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)];

    /// <summary>A response from "name=value" fields; a repeated name gives several values, in order.</summary>
    public static Response Form(params string[] fields) =>
        new(fields
            .Select(f => f.Split('=', 2))
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, IReadOnlyList<string>>(g.Key, [.. g.Select(p => p.Length > 1 ? p[1] : "")])));
}
