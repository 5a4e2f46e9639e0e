using ELearning.Content.Diagnostics;
using ELearning.Web.Templates;

namespace ELearning.Cli;

internal static partial class LintCommand
{
    /// <summary>The default theme's certificate and mail templates and a deployment's overrides, compiled as the app would.</summary>
    static partial void AddTemplateDiagnostics(string? templatesOverride, List<ContentDiagnostic> diagnostics)
    {
        using var templates = new ThemeTemplates(ThemeTemplates.ShippedFolder("Default"), "themes/Default/templates", templatesOverride);
        diagnostics.AddRange(templates.CheckAsync().GetAwaiter().GetResult());
    }
}
