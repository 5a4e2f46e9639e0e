using System.CommandLine;
using ELearning.Web.Certificates.OpenBadges;
using ELearning.Web.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ELearning.Cli;

/// <summary>
/// <c>elearn certificates verify &lt;file&gt;</c> (when the argument names a file; <see cref="CertificatesCommand"/> handles codes): checks a signed Open Badges credential (.jwt) with the same verifier
/// as the web page (/certificates/verify), against this installation's key and database. Exit code 0: valid;
/// 1: not valid (the reason is printed); 2: the file cannot be read or is not a credential.
/// </summary>
internal static class CertificateFileVerifyCommand
{
    public static async Task<int> VerifyAsync(FileInfo file, string? dataDirectory, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"error: {file.FullName}: no such file.");
            return 2;
        }
        // The same settings as the app: Credentials__SigningKeyPath / __SigningKeyPem when the app is given its key.
        await using var provider = CliServices.Build(dataDirectory, (services, _) => services.AddOpenBadges());
        await provider.MigrateDatabaseAsync(cancellationToken);

        CredentialVerification result;
        if (file.Length > CredentialVerifier.MaxLength)
        {
            result = CredentialVerifier.TooLarge;
        }
        else
        {
            await using var scope = provider.CreateAsyncScope();
            var text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
            result = await scope.ServiceProvider.GetRequiredService<CredentialVerifier>().VerifyAsync(text, cancellationToken);
        }

        if (result.Facts is { } facts && result.State is not (VerificationState.ForeignKey or VerificationState.Tampered))
        {
            var expires = facts.ValidUntil is { } until ? CredentialVerifier.Words(until) : "never";
            Console.WriteLine($"{facts.Code}: {facts.Title} — {facts.HolderName}; issued {CredentialVerifier.Words(facts.ValidFrom)}, expires {expires}.");
        }
        if (result.IsValid)
        {
            Console.WriteLine("valid");
            return 0;
        }
        foreach (var problem in result.Problems)
        {
            Console.WriteLine($"not valid: {problem}");
        }
        return result.State == VerificationState.Malformed ? 2 : 1;
    }
}
