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
    public static async Task<IHtmlDocument> RenderAsync<TModel>(TModel model)
        where TModel : class
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        services.AddSingleton(DefaultTheme.Create());
        services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgeryState>();
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<Themed<TModel>>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(Themed<>.Model)] = model }));
            return output.ToHtmlString();
        });
        return new HtmlParser().ParseDocument(html);
    }

    /// <summary>Forms render a token field; outside a request the value does not matter.</summary>
    private sealed class FixedAntiforgeryState : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("token", "__RequestVerificationToken");
    }
}
