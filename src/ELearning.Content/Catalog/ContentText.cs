using System.Text;
using ELearning.Content.Diagnostics;

namespace ELearning.Content.Catalog;

internal static class ContentText
{
    // Content files are small; anything bigger is a mistake (a video saved as .md) or an attack.
    public const int MaxFileBytes = 1024 * 1024;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Decodes UTF-8 (with or without BOM); null after reporting when the bytes are not UTF-8 text.
    public static string? Decode(byte[] bytes, DiagnosticBag diagnostics)
    {
        if (bytes.Length > MaxFileBytes)
        {
            diagnostics.Error(1, 1, $"the file is larger than {MaxFileBytes / 1024} KiB");
            return null;
        }
        try
        {
            var text = s_strictUtf8.GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Error(1, 1, "the file is not UTF-8 text; save it as UTF-8");
            return null;
        }
    }
}
