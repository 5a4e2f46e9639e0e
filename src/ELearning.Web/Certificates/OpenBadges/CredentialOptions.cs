namespace ELearning.Web.Certificates.OpenBadges;

/// <summary>Settings of the signed Open Badges credentials (section <c>Credentials</c>).</summary>
internal sealed class CredentialOptions
{
    public const string Section = "Credentials";

    /// <summary>A PEM file holding the P-256 private key that signs credentials; unset: <c>{DataDirectory}/credential-keys/es256.pem</c>, created on first start.</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>The same key as PEM text (an environment variable or a secret store), instead of a file.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>The name of the issuer profile every credential names (the organisation that runs this site).</summary>
    public string IssuerName { get; set; } = "ELearning";
}
