using ELearning.Content.Catalog;
using ELearning.Theming;
using ELearning.Themes.Default;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ELearning.Web.Courses;

internal static class CoursesExtensions
{
    /// <summary>The compiled themes this build ships; <c>Theme:Name</c> picks one.</summary>
    private static readonly Dictionary<string, Func<Theme>> Themes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Default"] = DefaultTheme.Create,
    };

    public static WebApplicationBuilder AddCourses(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ThemeOptions>().BindConfiguration(ThemeOptions.Section).ValidateDataAnnotations()
            .Validate(o => Themes.ContainsKey(o.Name), $"Theme:Name must be one of: {string.Join(", ", Themes.Keys)}.")
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var root = Path.GetFullPath(sp.GetRequiredService<IOptions<ContentOptions>>().Value.Root);
            if (!Directory.Exists(root))
            {
                throw new OptionsValidationException(ContentOptions.Section, typeof(ContentOptions),
                    [$"Content:Root '{root}' does not exist."]);
            }
            return new ContentFiles(new PhysicalFileProvider(root));
        });
        services.AddSingleton(sp => new CourseCatalogLoader(sp.GetRequiredService<ContentFiles>().Provider));
        services.AddSingleton(sp => Themes[sp.GetRequiredService<IOptions<ThemeOptions>>().Value.Name]());
        services.AddSingleton<QuestionAliases>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCourses(this IEndpointRouteBuilder app)
    {
        app.MapGet("/courses/{course}/{module}/media/{**path}", MediaAsync).RequireAuthorization();
        return app;
    }

    /// <summary>Theme assets under <c>/theme/</c>, straight from the theme assembly.</summary>
    public static IApplicationBuilder UseThemeAssets(this IApplicationBuilder app)
    {
        var theme = app.ApplicationServices.GetRequiredService<Theme>();
        return app.UseStaticFiles(new StaticFileOptions { FileProvider = theme.Assets, RequestPath = "/theme" });
    }

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private static IResult MediaAsync(string course, string module, string path, CourseCatalogLoader loader, ContentFiles files)
    {
        var folder = loader.GetCatalog().FindCourse(course)?.FindModule(module)?.FolderPath;
        if (folder is null || path.Contains("..", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal)
            || !MediaFiles.IsServable(path))
        {
            return TypedResults.NotFound();
        }
        var file = files.Provider.GetFileInfo($"{folder}/media/{path}");
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null || !ContentTypes.TryGetContentType(path, out var contentType))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.PhysicalFile(file.PhysicalPath, contentType, lastModified: file.LastModified, enableRangeProcessing: false);
    }
}

/// <summary>The content root, for media files beside the lessons.</summary>
internal sealed record ContentFiles(IFileProvider Provider);
