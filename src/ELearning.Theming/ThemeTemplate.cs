using Microsoft.AspNetCore.Components;

namespace ELearning.Theming;

/// <summary>
/// A theme's template for one view model. Themes subclass this per page type; the app renders it through
/// <see cref="Themed{TModel}"/>, so the parameter contract is checked by the compiler, not by strings.
/// </summary>
public abstract class ThemeTemplate<TModel> : ComponentBase
    where TModel : class
{
    [Parameter, EditorRequired]
    public TModel Model { get; set; } = default!;
}
