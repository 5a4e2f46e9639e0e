using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace ELearning.Theming;

/// <summary>Renders the active theme's template for <typeparamref name="TModel"/>.</summary>
public sealed class Themed<TModel> : ComponentBase
    where TModel : class
{
    [Inject]
    private Theme Theme { get; set; } = default!;

    [Parameter, EditorRequired]
    public TModel Model { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent(0, Theme.TemplateFor<TModel>());
        builder.AddComponentParameter(1, nameof(ThemeTemplate<>.Model), Model);
        builder.CloseComponent();
    }
}
