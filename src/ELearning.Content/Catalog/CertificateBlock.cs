using ELearning.Content.Diagnostics;
using ELearning.Content.Yaml;

namespace ELearning.Content.Catalog;

// The certificate: block of course.yml or module.yml. The signature image is kept with its position: whether the file
// exists is checked against the content tree each time the catalog is assembled, like a lesson's links.
internal sealed record CertificateBlock(CertificateRule Rule, YamlScalar? Image)
{
    public const string Key = "certificate";

    // Long enough for any recertification cycle; bounds DateTime.AddMonths.
    public const int MaxValidForMonths = 600;

    private static readonly string[] s_keys = ["title", "hours", "valid_for_months", "issuer", "signatory", "print_score"];
    private static readonly string[] s_issuerKeys = ["name", "address"];
    private static readonly string[] s_signatoryKeys = ["name", "role", "image"];

    public static IReadOnlySet<string> MappingKeys { get; } = new HashSet<string>([Key], StringComparer.Ordinal);

    // Null when the file has no certificate: block or the block has errors (reported).
    public static CertificateBlock? Parse(YamlFields fields, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var block = fields.Mapping(Key, required: false);
        if (block is null)
        {
            return null;
        }
        block.RejectUnknownKeys(s_keys);
        var title = block.Text("title", required: true);
        var hours = block.PositiveDecimal("hours", required: false);
        var months = block.Integer("valid_for_months", required: false, min: 1);
        if (months > MaxValidForMonths && block.PositionOf("valid_for_months") is { } at)
        {
            diagnostics.Error(at.Line, at.Column, $"'valid_for_months' must be at most {MaxValidForMonths}; leave it out for a certificate that never expires");
        }
        var printScore = block.Boolean("print_score", required: false) ?? false;

        // issuer: either a name, or a block with name and address.
        string? issuerName;
        string? issuerAddress = null;
        if (block.IsMapping("issuer"))
        {
            var issuer = block.Mapping("issuer", required: true)!;
            issuer.RejectUnknownKeys(s_issuerKeys);
            issuerName = issuer.Text("name", required: true);
            issuerAddress = issuer.Text("address", required: false);
        }
        else
        {
            issuerName = block.Text("issuer", required: true);
        }

        string? signatoryName = null, signatoryRole = null;
        YamlScalar? image = null;
        if (block.Mapping("signatory", required: false) is { } signatory)
        {
            signatory.RejectUnknownKeys(s_signatoryKeys);
            signatoryName = signatory.Text("name", required: false);
            signatoryRole = signatory.Text("role", required: false);
            if (signatory.Text("image", required: false) is { } path)
            {
                image = signatory.Scalar("image")!;
                if (ImageProblem(path) is { } problem)
                {
                    diagnostics.Error(image.Line, image.Column, problem);
                    image = null;
                }
            }
            if (signatoryName is null && signatoryRole is null)
            {
                var position = block.PositionOf("signatory")!.Value;
                diagnostics.Error(position.Line, position.Column, "'signatory' needs a 'name' or a 'role'");
            }
        }
        if (diagnostics.ErrorCount > errorsBefore || title is null || issuerName is null)
        {
            return null;
        }
        var rule = new CertificateRule(title, hours, months, issuerName, issuerAddress, signatoryName, signatoryRole, image?.Value.Trim(), printScore);
        return new CertificateBlock(rule, image);
    }

    // The path is relative to the folder of the .yml file and must name a raster image in its media/ folder.
    private static string? ImageProblem(string path)
    {
        if (!path.StartsWith(ContentNames.MediaFolder + "/", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal)
            || path.Split('/').Any(part => part is "" or "." or ".."))
        {
            return $"'image' must be a path in this folder's media/ folder, e.g. media/signature.png (got '{path}')";
        }
        return MediaFiles.IsServable(path)
            ? null
            : $"'image' must be an image ({string.Join(", ", MediaFiles.Extensions.Order(StringComparer.Ordinal))})";
    }

    // The rule as served: the image resolved against the content tree (relative to the content root), or dropped with
    // an error when the file does not exist, so a missing image never stops certificates from being issued.
    public CertificateRule Resolve(string folderPath, IReadOnlySet<string> files, Action<int, int, string> error)
    {
        if (Image is null)
        {
            return Rule;
        }
        var target = folderPath + "/" + Rule.SignatureImage;
        if (files.Contains(target))
        {
            return Rule with { SignatureImage = target };
        }
        error(Image.Line, Image.Column, $"image not found: '{Rule.SignatureImage}' (looked for {target}); the certificate is issued without it");
        return Rule with { SignatureImage = null };
    }
}
