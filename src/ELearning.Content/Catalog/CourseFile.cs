using ELearning.Content.Diagnostics;
using ELearning.Content.Yaml;

namespace ELearning.Content.Catalog;

// course.yml, parsed once per file version.
internal sealed record CourseFile(
    string Title,
    string Summary,
    IReadOnlyList<string> Languages,
    decimal? Hours,
    CertificateBlock? Certificate)
{
    private static readonly string[] s_keys = ["title", "summary", "languages", "hours", "access", CertificateBlock.Key];

    public ContentAccess Access { get; init; }

    // The parsed file, or null when it has errors; diagnostics has them either way.
    public static CourseFile? Parse(byte[] bytes, DiagnosticBag diagnostics)
    {
        var text = ContentText.Decode(bytes, diagnostics);
        var entries = text is null ? null : FlatYamlReader.Read(text, 0, diagnostics, CertificateBlock.MappingKeys);
        if (entries is null)
        {
            return null;
        }
        var fields = new YamlFields(entries, diagnostics, 1, 1);
        fields.RejectUnknownKeys(s_keys);
        var title = fields.Text("title", required: true);
        var summary = fields.Text("summary", required: true);
        var hours = fields.PositiveDecimal("hours", required: false);
        var access = fields.OneOf("access", required: false, ContentAccessField.Values) ?? ContentAccess.Open;
        var languages = fields.List("languages");
        var certificate = CertificateBlock.Parse(fields, diagnostics);
        foreach (var language in languages ?? [])
        {
            if (!IsLanguageCode(language.Value))
            {
                diagnostics.Error(language.Line, language.Column,
                    $"'{language.Value}' is not a language code; use two lowercase letters, e.g. en");
            }
        }
        return diagnostics.HasErrors || title is null || summary is null
            ? null
            : new CourseFile(title, summary, languages?.Select(l => l.Value).ToList() ?? ["en"], hours, certificate) { Access = access };
    }

    private static bool IsLanguageCode(string value) => value.Length == 2 && value.All(char.IsAsciiLetterLower);
}
