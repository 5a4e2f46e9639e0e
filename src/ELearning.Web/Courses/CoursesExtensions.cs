using ELearning.Content.Catalog;
using ELearning.Themes.Default;
using ELearning.Theming;
using ELearning.Web.Questions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
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
            var options = sp.GetRequiredService<IOptions<ContentOptions>>().Value;
            var root = Path.GetFullPath(options.Root);
            if (!Directory.Exists(root))
            {
                throw new OptionsValidationException(ContentOptions.Section, typeof(ContentOptions),
                    [$"Content:Root '{root}' does not exist."]);
            }
            return new ContentFiles(new PhysicalFileProvider(root)
            {
                UsePollingFileWatcher = options.PollForChanges,
                UseActivePolling = options.PollForChanges,
            }, ContentPaths.RealPath(root) ?? root);
        });
        // Watching: requests read the current catalog without touching the disk; a change notification starts a rebuild
        // in the background, and requests keep getting the previous catalog until it is done.
        services.AddSingleton(sp => new CourseCatalogLoader(sp.GetRequiredService<ContentFiles>().Provider, new CatalogLoaderOptions
        {
            WatchForChanges = true,
            ParseBudget = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<ContentOptions>>().Value.ParseBudgetSeconds),
        }));
        services.AddSingleton(sp => Themes[sp.GetRequiredService<IOptions<ThemeOptions>>().Value.Name]());
        services.AddSingleton<QuestionAliases>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCourses(this IEndpointRouteBuilder app)
    {
        app.MapGet("/courses/{course}/{module}/media/{**path}", MediaAsync).RequireAuthorization();
        // Browsers and feed readers ask for /favicon.ico whatever the page links: the theme's icon answers it.
        app.MapGet("/favicon.ico", Favicon);
        return app;
    }

    /// <summary>
    /// Theme assets under <c>/theme/</c>, straight from the theme assembly. Pages link them with their content hash
    /// (<see cref="Theme.AssetUrl"/>): such a request is cached for a year as immutable; any other is revalidated.
    /// </summary>
    public static IApplicationBuilder UseThemeAssets(this IApplicationBuilder app)
    {
        var theme = app.ApplicationServices.GetRequiredService<Theme>();
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = theme.Assets,
            RequestPath = "/theme",
            OnPrepareResponse = context =>
            {
                var version = context.Context.Request.Query["v"];
                var current = theme.AssetVersion(context.File.Name);
                context.Context.Response.Headers.CacheControl = version.Count == 1 && current.Length > 0 && version[0] == current
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
    }

    /// <summary>
    /// Output caching for what visitors see (catalog, course overviews): only anonymous GETs, never a response that
    /// sets a cookie, and all of it dropped when a content file changes.
    /// </summary>
    public static IServiceCollection AddAnonymousPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(AnonymousPages.Name, new AnonymousPages()));
        return services;
    }

    /// <summary>
    /// Evicts every cached page when a rebuilt catalog replaced the previous one (not on the change notification: pages
    /// rendered while the rebuild runs still show the previous catalog and must not outlive it).
    /// </summary>
    public static IApplicationBuilder UseAnonymousPageCache(this IApplicationBuilder app)
    {
        var store = app.ApplicationServices.GetRequiredService<IOutputCacheStore>();
        app.ApplicationServices.GetRequiredService<CourseCatalogLoader>().CatalogRebuilt +=
            _ => store.EvictByTagAsync(AnonymousPages.Tag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return app.UseOutputCache();
    }

    private static Results<FileStreamHttpResult, NotFound> Favicon(Theme theme, HttpContext context)
    {
        var file = theme.Assets.GetFileInfo("favicon.ico");
        if (!file.Exists || file.IsDirectory)
        {
            return TypedResults.NotFound();
        }
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.Stream(file.CreateReadStream(), "image/x-icon");
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
        // The real path is checked and served, not the link (which could be swapped in between).
        var real = file.PhysicalPath is null ? null : ContentPaths.RealPath(file.PhysicalPath);
        if (!file.Exists || file.IsDirectory || real is null || !ContentTypes.TryGetContentType(path, out var contentType)
            || ContentPaths.Refusal(files.RealRoot, real, media: true) is not null)
        {
            // A symbolic link out of the content folder, to an answer key, or to something that is not an image.
            return TypedResults.NotFound();
        }
        return TypedResults.PhysicalFile(real, contentType, lastModified: file.LastModified, enableRangeProcessing: false);
    }
}

/// <summary>The content root, for media files beside the lessons; <paramref name="RealRoot"/> with its links resolved.</summary>
internal sealed record ContentFiles(IFileProvider Provider, string RealRoot);
