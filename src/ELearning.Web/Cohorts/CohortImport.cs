using CsvHelper;
using ELearning.Web.Accounts;

namespace ELearning.Web.Cohorts;

/// <summary>One learner from an uploaded CSV.</summary>
internal sealed record ImportRow(int Line, string Email, string Name, string Country, Profession? Profession, string Institution);

/// <summary>
/// Reads a learner list: a header line naming the columns <c>email</c> (required), <c>name</c>, <c>country</c> (ISO code,
/// e.g. RO), <c>profession</c> and <c>institution</c> (optional), in any order, comma or semicolon separated. Every bad
/// row is reported with its line number; the caller imports nothing unless there are none.
/// </summary>
internal static class CohortImport
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxRows = 5000;

    private static readonly string[] Columns = ["email", "name", "country", "profession", "institution"];

    public static (List<ImportRow> Rows, List<string> Errors) Parse(byte[] bytes)
    {
        var rows = new List<ImportRow>();
        var errors = new List<string>();
        if (bytes.Length == 0)
        {
            errors.Add("line 1: the file is empty; the first line names the columns, e.g. email,name,country,profession,institution");
            return (rows, errors);
        }
        try
        {
            using var reader = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true, TrimWhitespace = true, SkipEmptyLines = true });
            var headers = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            if (!headers.Contains("email"))
            {
                errors.Add("line 1: no 'email' column; the first line names the columns, e.g. email,name,country,profession,institution");
                return (rows, errors);
            }
            if (headers.FirstOrDefault(h => !Columns.Contains(h)) is { } unknown)
            {
                errors.Add($"line 1: unknown column '{unknown}'; expected: {string.Join(", ", Columns)}");
                return (rows, errors);
            }
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            while (reader.Read())
            {
                var line = (int)reader.LineNumber;
                string Field(string column) => headers.IndexOf(column) is var i and >= 0 && i < reader.FieldCount ? (reader.GetString(i) ?? "").Trim() : "";
                var email = Field("email");
                var name = Field("name");
                var country = Field("country").ToUpperInvariant();
                var professionText = Field("profession");
                var institution = Field("institution");
                var problems = new List<string>();
                if (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || email.Length > 256)
                {
                    problems.Add(email.Length == 0 ? "the email is missing" : $"'{email}' is not an email address");
                }
                else if (seen.TryGetValue(email, out var first))
                {
                    problems.Add($"{email} is already on line {first}");
                }
                else
                {
                    seen[email] = line;
                }
                if (name.Length > 100)
                {
                    problems.Add("the name is longer than 100 characters");
                }
                if (country.Length > 0 && !Countries.IsKnown(country))
                {
                    problems.Add($"'{country}' is not a country code (two letters, e.g. RO)");
                }
                Profession? profession = null;
                if (professionText.Length > 0)
                {
                    var key = professionText.Replace(" ", "", StringComparison.Ordinal);
                    if (Enum.TryParse<Profession>(key, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(key, out _))
                    {
                        profession = value;
                    }
                    else
                    {
                        problems.Add($"'{professionText}' is not a profession; use one of: {string.Join(", ", Enum.GetNames<Profession>())}");
                    }
                }
                if (institution.Length > 200)
                {
                    problems.Add("the institution is longer than 200 characters");
                }
                if (problems.Count > 0)
                {
                    errors.Add($"line {line}: {string.Join("; ", problems)}");
                }
                else
                {
                    rows.Add(new ImportRow(line, email, name, country, profession, institution));
                }
                if (rows.Count + errors.Count > MaxRows)
                {
                    errors.Add($"line {line}: more than {MaxRows} rows; split the file");
                    break;
                }
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add($"line {e.LineNumber}: the file is not valid CSV ({e.Message})");
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add("line 2: no learners in the file");
        }
        return (rows, errors);
    }
}
