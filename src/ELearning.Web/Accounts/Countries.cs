namespace ELearning.Web.Accounts;

/// <summary>The countries offered at registration: the EU member states, then neighbours with THB cooperation.</summary>
internal static class Countries
{
    // English names, written out: ICU's RegionInfo.DisplayName follows the process culture and gave a mix of endonyms
    // and scripts ("Svizzera", "Noreg", Greek and Cyrillic names sorted after the United Kingdom). The UI is English.
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["AT"] = "Austria", ["BE"] = "Belgium", ["BG"] = "Bulgaria", ["HR"] = "Croatia", ["CY"] = "Cyprus",
        ["CZ"] = "Czechia", ["DK"] = "Denmark", ["EE"] = "Estonia", ["FI"] = "Finland", ["FR"] = "France",
        ["DE"] = "Germany", ["GR"] = "Greece", ["HU"] = "Hungary", ["IE"] = "Ireland", ["IT"] = "Italy",
        ["LV"] = "Latvia", ["LT"] = "Lithuania", ["LU"] = "Luxembourg", ["MT"] = "Malta", ["NL"] = "Netherlands",
        ["PL"] = "Poland", ["PT"] = "Portugal", ["RO"] = "Romania", ["SK"] = "Slovakia", ["SI"] = "Slovenia",
        ["ES"] = "Spain", ["SE"] = "Sweden",
        ["AL"] = "Albania", ["BA"] = "Bosnia and Herzegovina", ["GB"] = "United Kingdom", ["IS"] = "Iceland",
        ["LI"] = "Liechtenstein", ["MD"] = "Moldova", ["ME"] = "Montenegro", ["MK"] = "North Macedonia",
        ["NO"] = "Norway", ["RS"] = "Serbia", ["CH"] = "Switzerland", ["TR"] = "Türkiye", ["UA"] = "Ukraine",
    };

    public static IReadOnlyList<string> Codes { get; } = [.. Names.Keys];

    /// <summary>The codes sorted by their English name, as the registration form lists them.</summary>
    public static IReadOnlyList<string> InDisplayOrder { get; } =
        [.. Names.OrderBy(n => n.Value, StringComparer.InvariantCulture).Select(n => n.Key)];

    public static bool IsKnown(string? code) => code is not null && Names.ContainsKey(code);

    public static string DisplayName(string code) => Names.TryGetValue(code, out var name) ? name : code;
}
