namespace ELearning.Content.Yaml;

/// <summary>A scalar with its 1-based position in the content file (front matter offset already applied).</summary>
internal sealed record YamlScalar(string Value, bool IsQuoted, int Line, int Column);

/// <summary>One <c>key: value</c> pair of a flat YAML mapping; the value is a scalar, a list of scalars, or invalid.</summary>
internal sealed class YamlEntry
{
    public required YamlScalar Key { get; init; }

    /// <summary>Position of the value (of the key when the value is missing).</summary>
    public required int Line { get; init; }
    public required int Column { get; init; }

    /// <summary>Set when the value is a scalar; null scalars (<c>~</c>, <c>null</c>, nothing) are null here.</summary>
    public YamlScalar? Scalar { get; init; }

    /// <summary>Set when the value is a list of scalars.</summary>
    public IReadOnlyList<YamlScalar>? Items { get; init; }

    /// <summary>The value is a mapping or a list holding something other than scalars; already reported.</summary>
    public bool IsInvalid { get; init; }

    public bool IsNull => Scalar is null && Items is null && !IsInvalid;
}
