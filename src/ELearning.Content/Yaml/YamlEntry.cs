namespace ELearning.Content.Yaml;

// A scalar with its 1-based position in the content file (front matter offset already applied).
internal sealed record YamlScalar(string Value, bool IsQuoted, int Line, int Column);

// One key: value pair of a YAML mapping; the value is a scalar, a list of scalars, a nested mapping, or invalid.
internal sealed class YamlEntry
{
    public required YamlScalar Key { get; init; }

    // Position of the value (of the key when the value is missing).
    public required int Line { get; init; }
    public required int Column { get; init; }

    // Set when the value is a scalar; null scalars (~, null, nothing) are null here.
    public YamlScalar? Scalar { get; init; }

    // Set when the value is a list of scalars.
    public IReadOnlyList<YamlScalar>? Items { get; init; }

    // Set when the value is a nested mapping the reader was allowed to read (certificate:).
    public IReadOnlyList<YamlEntry>? Mapping { get; init; }

    // The value is a mapping or a list holding something other than scalars; already reported.
    public bool IsInvalid { get; init; }

    public bool IsNull => Scalar is null && Items is null && Mapping is null && !IsInvalid;
}
