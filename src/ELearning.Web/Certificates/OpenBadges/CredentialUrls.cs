namespace ELearning.Web.Certificates.OpenBadges;

/// <summary>The stable addresses of the issuer's published documents, under <c>App:PublicUrl</c>.</summary>
internal sealed class CredentialUrls(Uri siteBase)
{
    public const string IssuerPath = "/credentials/issuer";
    public const string KeyPath = "/credentials/keys/";
    public const string JwksPath = "/.well-known/jwks.json";
    public const string StatusListPath = "/credentials/status/1";

    private readonly string _base = siteBase.AbsoluteUri.TrimEnd('/');

    public string Issuer => _base + IssuerPath;

    /// <summary>The key's <c>kid</c>: a URL that dereferences to its public JWK (Open Badges 3.0, "Dereferencing the Public Key").</summary>
    public string Key(string thumbprint) => _base + KeyPath + thumbprint;

    public string Jwks => _base + JwksPath;

    public string StatusList => _base + StatusListPath;

    /// <summary>The credential's id: the certificate's public verification page.</summary>
    public string Certificate(string code) => _base + "/certificates/" + code;

    public string Achievement(string course, string module) =>
        _base + "/courses/" + Uri.EscapeDataString(course) + (module.Length == 0 ? "" : "/" + Uri.EscapeDataString(module));
}
