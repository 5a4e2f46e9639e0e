namespace ELearning.Theming;

/// <summary>Marker for the UI string resources (<c>Strings.resx</c> and its translations) shared by the app and themes.</summary>
public sealed class Strings;
