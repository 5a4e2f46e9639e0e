using Bunit;
using ELearning.Theming;
using ELearning.Themes.Default;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ELearning.Web.Tests.Theme;

/// <summary>
/// Renders theme templates with bUnit, outside any host, the way the app renders them: statically on the server.
/// xUnit creates one instance per test, so every test gets its own services and renderer.
/// </summary>
/// <remarks>
/// bUnit renders components, not requests: forms here are markup to inspect. Posting them, and anything bound with
/// <c>[SupplyParameterFromForm]</c> or <c>@formname</c>, is tested through the WebApplicationFactory tests.
/// </remarks>
public abstract class ThemeTestContext : BunitContext
{
    /// <summary>The clock templates see: attempt deadlines in tests are set relative to it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    protected ThemeTestContext()
    {
        // Register services before touching the renderer or JSInterop: once bUnit has built its provider it takes no more.
        Services.AddLocalization();
        Services.AddSingleton(DefaultTheme.Create());
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgeryState>();

        // Pages are static server-side rendered: not interactive, and no template may call JavaScript.
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        JSInterop.Mode = JSRuntimeMode.Strict;
    }

    /// <summary>Renders the theme's template for <paramref name="model"/>, as a page of the app does.</summary>
    protected IRenderedComponent<Themed<TModel>> RenderPage<TModel>(TModel model)
        where TModel : class =>
        Render<Themed<TModel>>(p => p.Add(t => t.Model, model));

    /// <summary>Renders the theme's <c>QuestionFields</c> on its own.</summary>
    protected IRenderedComponent<QuestionFields> RenderFields(QuestionView question, bool readOnly = false) =>
        Render<QuestionFields>(p => p
            .Add(f => f.Question, question)
            .Add(f => f.ReadOnly, readOnly));

    /// <summary>The text a reader sees on the rendered page, as the browser would give it for the body.</summary>
    protected static string TextOf<TComponent>(IRenderedComponent<TComponent> rendered)
        where TComponent : IComponent =>
        string.Concat(rendered.Nodes.Select(n => n.TextContent));

    /// <summary>Forms render a token field; outside a request the value does not matter.</summary>
    private sealed class FixedAntiforgeryState : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("token", "__RequestVerificationToken");
    }
}
