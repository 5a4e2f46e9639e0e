using ELearning.Theming;
using ELearning.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ELearning.Web.Templates;

/// <summary><c>Theme:TemplatesOverride</c>: a deployment's folder whose <c>.cshtml</c> files replace the theme's, one by one.</summary>
internal sealed class TemplateOptions
{
    public const string Section = "Theme";

    public string? TemplatesOverride { get; set; }
}

internal static class TemplatesExtensions
{
    public static IServiceCollection AddTemplates(this IServiceCollection services)
    {
        services.AddOptions<TemplateOptions>().BindConfiguration(TemplateOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.TemplatesOverride) || Directory.Exists(o.TemplatesOverride),
                "Theme:TemplatesOverride must name an existing folder.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var theme = sp.GetRequiredService<Theme>();
            return new ThemeTemplates(ThemeTemplates.ShippedFolder(theme.Name), $"themes/{theme.Name}/templates",
                sp.GetRequiredService<IOptions<TemplateOptions>>().Value.TemplatesOverride);
        });
        services.AddSingleton<Mails>();
        services.AddSingleton<IEmailSender<AppUser>>(sp => sp.GetRequiredService<Mails>());
        return services;
    }
}
