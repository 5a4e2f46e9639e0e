using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace ELearning.Web.Accounts;

/// <summary>
/// Encrypts the data-protection keys at rest with an X.509 certificate (<c>DataProtection:CertificatePath</c>, a .pfx,
/// and <c>DataProtection:CertificatePassword</c>), so a copy of the data folder alone does not yield the keys that sign
/// cookies and reset links. Without a certificate the keys are plain XML in a folder only the app's user can open.
/// </summary>
internal static class KeyProtection
{
    public const string PathKey = "DataProtection:CertificatePath";
    public const string PasswordKey = "DataProtection:CertificatePassword";

    public static IServiceCollection AddKeyProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var path = configuration[PathKey];
        if (!string.IsNullOrWhiteSpace(path))
        {
            // Loaded now, so a wrong file or password stops start-up with a clear message, not the first sign-in later.
            // The same certificate also decrypts, without installing it in a certificate store.
            services.AddDataProtection().ProtectKeysWithCertificate(Load(path, configuration[PasswordKey]));
        }
        return services;
    }

    /// <summary>Reads the .pfx or explains, naming the setting to fix, why it cannot be used.</summary>
    public static X509Certificate2 Load(string path, string? password)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InvalidOperationException($"{PathKey}: no certificate file at {full}.");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(full, string.IsNullOrEmpty(password) ? null : password);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"{PathKey}: {full} cannot be opened as a PKCS#12 (.pfx) file with the configured {PasswordKey} (wrong or missing password?): {e.Message}", e);
        }
        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{PathKey}: {full} must hold an RSA certificate together with its private key.");
        }
        return certificate;
    }
}
