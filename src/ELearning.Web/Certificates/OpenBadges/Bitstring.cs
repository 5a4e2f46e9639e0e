using System.Buffers.Text;
using System.IO.Compression;

namespace ELearning.Web.Certificates.OpenBadges;

/// <summary>
/// The bitstring of a W3C Bitstring Status List (https://www.w3.org/TR/vc-bitstring-status-list/): one bit per
/// credential, index 0 the left-most (most significant) bit of the first byte, at least 131,072 bits (16 KB) so that a
/// verifier fetching it learns little about which credential it checks; published as <c>encodedList</c>, the
/// Multibase base64url (prefix <c>u</c>, no padding) of the GZIP-compressed bytes.
/// </summary>
internal static class Bitstring
{
    public const int MinimumLength = 131_072;

    /// <summary>Refuses lists that would expand beyond this (16 MB of bits), so a hostile list cannot exhaust memory.</summary>
    private const int MaximumBytes = 16 * 1024 * 1024;

    /// <summary>Length in bits for a list holding <paramref name="highestIndex"/>: the minimum, or whole multiples of it.</summary>
    public static int LengthFor(int highestIndex) =>
        highestIndex < MinimumLength ? MinimumLength : checked((highestIndex / MinimumLength + 1) * MinimumLength);

    public static byte[] Create(int length, IEnumerable<int> set)
    {
        var bits = new byte[length / 8];
        foreach (var index in set)
        {
            bits[index / 8] |= (byte)(0x80 >> (index % 8));
        }
        return bits;
    }

    public static bool IsSet(byte[] bits, int index) =>
        index >= 0 && index / 8 < bits.Length && (bits[index / 8] & (0x80 >> (index % 8))) != 0;

    public static string Encode(byte[] bits)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bits);
        }
        return "u" + Base64Url.EncodeToString(compressed.ToArray());
    }

    /// <summary>The bits of an <c>encodedList</c>; a <see cref="FormatException"/> when it is not one.</summary>
    public static byte[] Decode(string encodedList)
    {
        if (!encodedList.StartsWith('u'))
        {
            throw new FormatException("The encoded list is not Multibase base64url (prefix 'u').");
        }
        byte[] compressed;
        try
        {
            compressed = Base64Url.DecodeFromChars(encodedList.AsSpan(1));
        }
        catch (FormatException e)
        {
            throw new FormatException("The encoded list is not base64url.", e);
        }
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var bits = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (bits.Length + read > MaximumBytes)
                {
                    throw new FormatException("The status list is larger than 16 MB.");
                }
                bits.Write(buffer, 0, read);
            }
            return bits.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new FormatException("The encoded list is not GZIP-compressed.", e);
        }
    }
}
