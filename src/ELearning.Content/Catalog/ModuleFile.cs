using ELearning.Content.Diagnostics;
using ELearning.Content.Yaml;

namespace ELearning.Content.Catalog;

// module.yml, parsed once per file version. Prerequisites keep their positions: they are checked against the course's
// other modules each time the catalog is assembled.
internal sealed record ModuleFile(
    string Title,
    string Summary,
    IReadOnlyList<string> Objectives,
    IReadOnlyList<YamlScalar> Prerequisites,
    bool Optional,
    CertificateBlock? Certificate)
{
    private static readonly string[] s_keys = ["title", "summary", "objectives", "prerequisites", "optional", "access", "pretest", CertificateBlock.Key];

    public ContentAccess Access { get; init; }

    /// <summary>Where <c>pretest: true</c> is written (1-based line and column), or null when the module has no pre-test.</summary>
    public (int Line, int Column)? Pretest { get; init; }

    public static ModuleFile? Parse(byte[] bytes, DiagnosticBag diagnostics)
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
        var objectives = fields.List("objectives");
        var prerequisites = fields.List("prerequisites");
        var optional = fields.Boolean("optional", required: false) ?? false;
        var certificate = CertificateBlock.Parse(fields, diagnostics);
        var access = fields.OneOf("access", required: false, ContentAccessField.Values) ?? ContentAccess.Open;
        var pretest = fields.Boolean("pretest", required: false) == true ? fields.PositionOf("pretest") : null;
        foreach (var prerequisite in prerequisites ?? [])
        {
            if (!ContentNames.IsSlug(prerequisite.Value))
            {
                diagnostics.Error(prerequisite.Line, prerequisite.Column,
                    $"prerequisite '{prerequisite.Value}' must be a module slug (the folder name without its number, e.g. victim-hearing)");
            }
        }
        return diagnostics.HasErrors || title is null || summary is null
            ? null
            : new ModuleFile(title, summary, objectives?.Select(o => o.Value.Trim()).ToList() ?? [], prerequisites ?? [], optional, certificate) { Access = access, Pretest = pretest };
    }
}
