using CsvHelper;

namespace ELearning.Web.Reports;

/// <summary>A table as a page shows it and as its CSV export writes it: the same headers, rows and cells.</summary>
internal sealed record ReportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>
    /// UTF-8 with a byte order mark (Excel then reads diacritics right), CRLF, RFC 4180 quoting, and every text cell that a
    /// spreadsheet would run as a formula (starting with = + - @, tab or CR) prefixed with a quote.
    /// </summary>
    public static readonly CsvWriterOptions CsvOptions = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public void WriteCsv(Stream stream)
    {
        using var csv = CsvWriter.Create(stream, CsvOptions, leaveOpen: true);
        foreach (var header in Headers)
        {
            csv.WriteField(header);
        }
        csv.EndRecord();
        foreach (var row in Rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(cell);
            }
            csv.EndRecord();
        }
        csv.Flush();
    }

    public byte[] ToCsv()
    {
        using var stream = new MemoryStream();
        WriteCsv(stream);
        return stream.ToArray();
    }

    /// <summary>A CSV download named <paramref name="fileName"/>.</summary>
    public IResult CsvResult(string fileName) =>
        TypedResults.File(ToCsv(), "text/csv; charset=utf-8", fileName);
}
