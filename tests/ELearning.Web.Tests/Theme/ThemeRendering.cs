using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ELearning.Theming;
using ELearning.Themes.Default;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ELearning.Web.Tests.Theme;

/// <summary>Renders a theme template with the framework's HtmlRenderer, outside any host, and parses the result.</summary>
internal static class ThemeRendering
{
    /// <summary>The clock templates see: attempt deadlines in tests are set relative to it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static Task<IHtmlDocument> RenderAsync<TModel>(TModel model)
        where TModel : class =>
        RenderComponentAsync<Themed<TModel>>(new Dictionary<string, object?> { [nameof(Themed<>.Model)] = model });

    /// <summary>Renders one component of the theme on its own, such as <c>QuestionFields</c>.</summary>
    public static async Task<IHtmlDocument> RenderComponentAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        services.AddSingleton(DefaultTheme.Create());
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgeryState>();
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
        return new HtmlParser().ParseDocument(html);
    }

    /// <summary>Forms render a token field; outside a request the value does not matter.</summary>
    private sealed class FixedAntiforgeryState : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("token", "__RequestVerificationToken");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
