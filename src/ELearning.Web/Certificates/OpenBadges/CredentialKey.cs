using System.Security.Cryptography;
using System.Text;
using ELearning.Web.Storage;
using Microsoft.IdentityModel.Tokens;

namespace ELearning.Web.Certificates.OpenBadges;

/// <summary>
/// The P-256 key that signs credentials (ES256). Configured (<c>Credentials:SigningKeyPath</c> or
/// <c>Credentials:SigningKeyPem</c>) or created on first start in <c>{DataDirectory}/credential-keys/</c>, a folder
/// open to the app's user only, like <c>keys/</c>: never in the repository. Its id is its RFC 7638 thumbprint, so the
/// same key always has the same <c>kid</c> whatever the site's address.
/// </summary>
internal sealed class CredentialKey : IDisposable
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;
    public const string FolderName = "credential-keys";
    public const string FileName = "es256.pem";

    private readonly ECDsa _private;
    private readonly ECDsa _public;

    public CredentialKey(ECDsa key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        if (parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new InvalidOperationException($"{CredentialOptions.Section}: the signing key must be on the P-256 curve (ES256).");
        }
        _private = key;
        _public = ECDsa.Create(parameters);
        X = Base64UrlEncoder.Encode(parameters.Q.X!);
        Y = Base64UrlEncoder.Encode(parameters.Q.Y!);
        // RFC 7638: the required members in lexicographic order, no whitespace.
        Thumbprint = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"crv":"P-256","kty":"EC","x":"{{X}}","y":"{{Y}}"}""")));
    }

    /// <summary>The base64url x coordinate of the public key.</summary>
    public string X { get; }

    public string Y { get; }

    public string Thumbprint { get; }

    /// <summary>Signing credentials whose <c>kid</c> is the given URI (it dereferences to this key's JWK).</summary>
    public SigningCredentials SigningCredentials(string keyId) =>
        new(new ECDsaSecurityKey(_private) { KeyId = keyId }, Algorithm);

    /// <summary>The public key only, for checking signatures.</summary>
    public SecurityKey VerificationKey(string? keyId) => new ECDsaSecurityKey(_public) { KeyId = keyId };

    /// <summary>The public JWK (RFC 7517); it never holds the private parameter <c>d</c>.</summary>
    public Dictionary<string, string> PublicJwk(string keyId) => new()
    {
        ["kty"] = "EC",
        ["crv"] = "P-256",
        ["x"] = X,
        ["y"] = Y,
        ["kid"] = keyId,
        ["use"] = "sig",
        ["alg"] = "ES256",
    };

    public void Dispose()
    {
        _private.Dispose();
        _public.Dispose();
    }

    /// <summary>Loads the configured key, or the one in the data folder, creating it there on first start.</summary>
    public static CredentialKey Load(CredentialOptions options, StorageOptions storage)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKeyPem))
        {
            return FromPem(options.SigningKeyPem, $"{CredentialOptions.Section}:SigningKeyPem");
        }
        if (!string.IsNullOrWhiteSpace(options.SigningKeyPath))
        {
            var full = Path.GetFullPath(options.SigningKeyPath);
            if (!File.Exists(full))
            {
                throw new InvalidOperationException($"{CredentialOptions.Section}:SigningKeyPath: no key file at {full}.");
            }
            return FromPem(File.ReadAllText(full), $"{CredentialOptions.Section}:SigningKeyPath ({full})");
        }
        var folder = StorageExtensions.EnsureOwnerOnlyDirectory(storage, FolderName);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            Create(path);
        }
        return FromPem(File.ReadAllText(path), path);
    }

    private static CredentialKey FromPem(string pem, string source)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            return new CredentialKey(key);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException or InvalidOperationException)
        {
            key.Dispose();
            throw new InvalidOperationException($"{source}: not a usable P-256 private key in PEM form ({e.Message}).", e);
        }
    }

    /// <summary>Writes a new key readable by the app's user only; a key that another process wrote first wins.</summary>
    private static void Create(string path)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(temporary, Encoding.ASCII, file))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
            writer.Flush();
            ((FileStream)writer.BaseStream).Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
