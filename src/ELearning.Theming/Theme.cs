using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.FileProviders;

namespace ELearning.Theming;

/// <summary>A compiled theme: its layout, stylesheets and one template per view model.</summary>
public sealed class Theme
{
    private readonly Dictionary<Type, Type> _templates;

    private Theme(string name, Type layout, IReadOnlyList<string> stylesheets, IReadOnlyList<string> scripts, IFileProvider assets, Dictionary<Type, Type> templates)
    {
        Name = name;
        Scripts = scripts;
        Assets = assets;
        Layout = layout;
        Stylesheets = stylesheets;
        _templates = templates;
    }

    public string Name { get; }

    /// <summary>A <see cref="LayoutComponentBase"/> wrapping every page.</summary>
    public Type Layout { get; }

    /// <summary>Stylesheet file names under <see cref="Assets"/>, linked in order.</summary>
    public IReadOnlyList<string> Stylesheets { get; }

    /// <summary>Script file names under <see cref="Assets"/>, loaded deferred on every page. They may only enhance: every page works without them.</summary>
    public IReadOnlyList<string> Scripts { get; }

    /// <summary>The theme's static files (CSS, images), served by the app under <c>/theme/</c>.</summary>
    public IFileProvider Assets { get; }

    /// <summary>
    /// The address of an asset with its content hash (<c>/theme/default.css?v=1a2b3c4d5e6f</c>): the app serves such
    /// addresses as immutable, so browsers keep them until the file changes and its address with it.
    /// </summary>
    public string AssetUrl(string fileName) => "/theme/" + fileName + "?v=" + AssetVersion(fileName);

    /// <summary>The first 12 hex digits of the asset's SHA-256; empty when there is no such asset.</summary>
    public string AssetVersion(string fileName) => _versions.GetOrAdd(fileName, name =>
    {
        var file = Assets.GetFileInfo(name);
        if (!file.Exists || file.IsDirectory)
        {
            return "";
        }
        using var stream = file.CreateReadStream();
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream))[..12];
    });

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _versions = new(StringComparer.Ordinal);

    public Type TemplateFor<TModel>()
        where TModel : class =>
        _templates.TryGetValue(typeof(TModel), out var type)
            ? type
            : throw new InvalidOperationException($"Theme '{Name}' has no template for {typeof(TModel).Name}.");

    /// <summary>View model types every theme must provide a template for.</summary>
    public static IReadOnlyList<Type> RequiredModels { get; } =
    [
        typeof(CatalogView), typeof(CourseView), typeof(ModuleView), typeof(LessonView), typeof(DashboardView),
        typeof(ContentErrorsView), typeof(StatusView), typeof(AssessmentView), typeof(AttemptPageView), typeof(AttemptResultView),
        typeof(CertificateListView), typeof(CertificateVerificationView), typeof(CertificateLookupView),
    ];

    public sealed class Builder(string name)
    {
        private readonly Dictionary<Type, Type> _templates = [];
        private readonly List<string> _stylesheets = [];
        private readonly List<string> _scripts = [];
        private Type? _layout;
        private IFileProvider? _assets;

        /// <summary>Static files embedded in the theme assembly from its <c>wwwroot</c> folder.</summary>
        public Builder EmbeddedAssets(Assembly assembly, string baseNamespace)
        {
            _assets = new EmbeddedFileProvider(assembly, baseNamespace);
            return this;
        }

        public Builder Layout<TLayout>()
            where TLayout : LayoutComponentBase
        {
            _layout = typeof(TLayout);
            return this;
        }

        public Builder Stylesheet(string fileName)
        {
            _stylesheets.Add(fileName);
            return this;
        }

        public Builder Script(string fileName)
        {
            _scripts.Add(fileName);
            return this;
        }

        public Builder Template<TModel, TComponent>()
            where TModel : class
            where TComponent : ThemeTemplate<TModel>
        {
            _templates[typeof(TModel)] = typeof(TComponent);
            return this;
        }

        public Theme Build()
        {
            var missing = RequiredModels.Where(m => !_templates.ContainsKey(m)).Select(m => m.Name).ToList();
            if (_layout is null || missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Theme '{name}' is incomplete: {(_layout is null ? "no layout; " : "")}missing templates: {string.Join(", ", missing)}.");
            }
            return new Theme(name, _layout, [.. _stylesheets], [.. _scripts], _assets ?? new NullFileProvider(), new Dictionary<Type, Type>(_templates));
        }
    }
}
