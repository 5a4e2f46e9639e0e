using System.Text;
using QRCoder;

namespace ELearning.Web.Accounts;

/// <summary>What an authenticator app needs: the shared key as people type it, and the otpauth URI as an inline SVG QR code.</summary>
internal static class AuthenticatorSetup
{
    public const int RecoveryCodeCount = 10;

    /// <summary>The key in groups of four, lower case, as authenticator apps show it.</summary>
    public static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The Key URI Format understood by Google Authenticator, FreeOTP, Aegis, 1Password, Microsoft Authenticator…</summary>
    public static string Uri(string issuer, string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}" +
        $"?secret={key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6";

    /// <summary>An SVG (no script, no style attribute: the CSP allows it inline) that scales with its container.</summary>
    public static string QrSvg(string uri, string label)
    {
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return svg[start..].Insert(4, $" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" class=\"qr-code\"");
    }

    /// <summary>An authenticator code as typed ("123 456"), or null when it is not six digits (then it may be a recovery code).</summary>
    public static string? AuthenticatorCode(string? code)
    {
        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>A recovery code as typed: Identity's codes are upper case with a dash in the middle ("7KQ2M-9WXBD").</summary>
    public static string RecoveryCode(string? code) =>
        (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    /// <summary>Keeps a return URL on this site (no <c>//host</c> or <c>/\host</c>), else the home page.</summary>
    public static string LocalReturnUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
