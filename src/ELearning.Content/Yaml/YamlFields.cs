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
