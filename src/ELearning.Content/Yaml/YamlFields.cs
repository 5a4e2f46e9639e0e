using System.Globalization;
using ELearning.Content.Diagnostics;

namespace ELearning.Content.Yaml;

// Typed, validated access to the entries of a flat YAML mapping; every problem becomes a diagnostic.
internal sealed class YamlFields
{
    private readonly Dictionary<string, YamlEntry> _entries;
    private readonly DiagnosticBag _diagnostics;
    private readonly int _missingLine;
    private readonly int _missingColumn;

    // "missing key" errors point at missingLine:missingColumn, the start of the YAML.
    public YamlFields(IReadOnlyList<YamlEntry> entries, DiagnosticBag diagnostics, int missingLine, int missingColumn)
    {
        _entries = entries.ToDictionary(e => e.Key.Value, StringComparer.Ordinal);
        _diagnostics = diagnostics;
        _missingLine = missingLine;
        _missingColumn = missingColumn;
    }

    // Unknown keys are errors: a typo must never silently drop a setting.
    public void RejectUnknownKeys(IReadOnlyList<string> known)
    {
        foreach (var entry in _entries.Values.OrderBy(e => e.Key.Line).ThenBy(e => e.Key.Column))
        {
            if (known.Contains(entry.Key.Value, StringComparer.Ordinal))
            {
                continue;
            }
            var suggestion = known.MinBy(k => EditDistance(k, entry.Key.Value));
            var hint = suggestion is not null && EditDistance(suggestion, entry.Key.Value) <= 2
                ? $"did you mean '{suggestion}'?"
                : $"expected one of: {string.Join(", ", known)}";
            _diagnostics.Error(entry.Key.Line, entry.Key.Column, $"unknown key '{entry.Key.Value}'; {hint}");
        }
    }

    public string? Text(string key, bool required)
    {
        if (!TryGet(key, required, out var entry))
        {
            return null;
        }
        if (entry.Scalar is null)
        {
            _diagnostics.Error(entry.Line, entry.Column, $"'{key}' must be text");
            return null;
        }
        var value = entry.Scalar.Value.Trim();
        if (value.Length == 0)
        {
            _diagnostics.Error(entry.Line, entry.Column, $"'{key}' must not be empty");
            return null;
        }
        return value;
    }

    public int? PositiveInteger(string key, bool required)
    {
        if (!TryGet(key, required, out var entry))
        {
            return null;
        }
        if (entry.Scalar is { IsQuoted: false } scalar
            && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value > 0)
        {
            return value;
        }
        _diagnostics.Error(entry.Line, entry.Column, $"'{key}' must be a positive whole number, e.g. {key}: 20");
        return null;
    }

    public decimal? PositiveDecimal(string key, bool required)
    {
        if (!TryGet(key, required, out var entry))
        {
            return null;
        }
        if (entry.Scalar is { IsQuoted: false } scalar
            && decimal.TryParse(scalar.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value > 0)
        {
            return value;
        }
        _diagnostics.Error(entry.Line, entry.Column, $"'{key}' must be a positive number, e.g. {key}: 1.5");
        return null;
    }

    // A whole number of zero or more (min 0) or one or more (min 1).
    public int? Integer(string key, bool required, int min)
    {
        if (!TryGet(key, required, out var entry))
        {
            return null;
        }
        if (entry.Scalar is { IsQuoted: false } scalar
            && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value >= min)
        {
            return value;
        }
        _diagnostics.Error(entry.Line, entry.Column, min == 0
            ? $"'{key}' must be a whole number, 0 or more, e.g. {key}: 60"
            : $"'{key}' must be a whole number, {min} or more, e.g. {key}: {Math.Max(min, 3)}");
        return null;
    }

    // A number with a '.' decimal point between min and max inclusive.
    public decimal? DecimalInRange(string key, bool required, decimal min, decimal max)
    {
        if (!TryGet(key, required, out var entry))
        {
            return null;
        }
        if (entry.Scalar is { IsQuoted: false } scalar
            && decimal.TryParse(scalar.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }
        _diagnostics.Error(entry.Line, entry.Column,
            $"'{key}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }

    // true or false, unquoted; YAML 1.1 spellings (yes, on…) are refused so a file means the same everywhere.
    public bool? Boolean(string key, bool required)
    {
        if (!TryGet(key, required, out var entry))
        {
            return null;
        }
        if (entry.Scalar is { IsQuoted: false, Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }
        _diagnostics.Error(entry.Line, entry.Column, $"'{key}' must be true or false");
        return null;
    }

    // One of a fixed set of words, mapped to a value.
    public T? OneOf<T>(string key, bool required, IReadOnlyDictionary<string, T> values)
        where T : struct
    {
        if (!TryGet(key, required, out var entry))
        {
            return null;
        }
        if (entry.Scalar is { } scalar && values.TryGetValue(scalar.Value, out var value))
        {
            return value;
        }
        _diagnostics.Error(entry.Line, entry.Column, $"'{key}' must be one of: {string.Join(", ", values.Keys)}");
        return null;
    }

    // A nested block of 'key: value' lines (certificate:, issuer:); null when absent or invalid. Its missing keys are
    // reported at its key.
    public YamlFields? Mapping(string key, bool required)
    {
        if (!TryGet(key, required, out var entry))
        {
            return null;
        }
        if (entry.Mapping is null)
        {
            _diagnostics.Error(entry.Line, entry.Column, $"'{key}' must be a block of indented 'name: value' lines");
            return null;
        }
        return new YamlFields(entry.Mapping, _diagnostics, entry.Key.Line, entry.Key.Column);
    }

    public bool IsMapping(string key) => _entries.TryGetValue(key, out var entry) && entry.Mapping is not null;

    // The value itself with its position, for values checked against other files (e.g. an image path).
    public YamlScalar? Scalar(string key) => _entries.TryGetValue(key, out var entry) ? entry.Scalar : null;

    // The value's position, for checks made after reading (e.g. draw against the pool size).
    public (int Line, int Column)? PositionOf(string key) =>
        _entries.TryGetValue(key, out var entry) ? (entry.Line, entry.Column) : null;

    // A list of non-empty scalars; null when the key is absent or invalid.
    public IReadOnlyList<YamlScalar>? List(string key)
    {
        if (!TryGet(key, required: false, out var entry))
        {
            return null;
        }
        if (entry.Items is null)
        {
            _diagnostics.Error(entry.Line, entry.Column, $"'{key}' must be a list, e.g. {key}: [a, b] or one '- item' line per entry");
            return null;
        }
        var ok = true;
        foreach (var item in entry.Items.Where(i => i.Value.Trim().Length == 0))
        {
            _diagnostics.Error(item.Line, item.Column, $"'{key}' must not contain empty entries");
            ok = false;
        }
        return ok ? entry.Items : null;
    }

    private bool TryGet(string key, bool required, out YamlEntry entry)
    {
        if (!_entries.TryGetValue(key, out entry!))
        {
            if (required)
            {
                _diagnostics.Error(_missingLine, _missingColumn, $"missing required key '{key}'");
            }
            return false;
        }
        if (entry.IsNull)
        {
            if (required)
            {
                _diagnostics.Error(entry.Key.Line, entry.Key.Column, $"'{key}' must not be empty");
            }
            return false;
        }
        // Invalid values were reported by the reader; report nothing twice.
        return !entry.IsInvalid;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
