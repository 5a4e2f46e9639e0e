using System.Globalization;

namespace ELearning.Web.Accounts;

/// <summary>The countries offered at registration: the EU member states first, then neighbours with THB cooperation.</summary>
internal static class Countries
{
    public static IReadOnlyList<string> Codes { get; } =
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
        "AL", "BA", "GB", "IS", "LI", "MD", "ME", "MK", "NO", "RS", "CH", "TR", "UA",
    ];

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code, StringComparer.Ordinal);

    /// <summary>The country's name in the current UI culture (ICU data).</summary>
    public static string DisplayName(string code) => new RegionInfo(code).DisplayName;
}
