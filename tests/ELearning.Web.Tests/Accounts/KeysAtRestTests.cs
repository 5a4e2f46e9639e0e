using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ELearning.Web.Tests.Accounts;

public sealed class KeysAtRestTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Fact]
    public async Task TheKeysFolderIsOpenToTheAppsUserOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no mode bits on Windows
        }
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");

        var keys = Path.Combine(app.Directory.DataRoot, "keys");
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(keys));
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
    }

    [Fact]
    public async Task AnExistingKeysFolderOpenToOthersIsTightenedAtStartUp()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no mode bits on Windows
        }
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        var keys = Path.Combine(directory.DataRoot, "keys");
        Directory.CreateDirectory(keys);
        File.SetUnixFileMode(keys, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        using var app = new TestApp(directory);
        using var browser = app.CreateBrowser();
        using var home = await browser.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(keys));
    }

    [Fact]
    public async Task WithACertificateTheKeysOnDiskAreEncryptedAndSignInsSurviveARestart()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        var settings = CertificateSettings(directory, "pfx passphrase");

        string cookie;
        using (var first = new TestApp(directory, settings))
        {
            using var browser = first.CreateBrowser();
            await browser.RegisterAsync("ana@example.eu", TestData.Password);
            using var login = await browser.LoginAsync("ana@example.eu", TestData.Password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie")
                .Where(c => c.StartsWith("elearning.auth", StringComparison.Ordinal))
                .Select(c => c.Split(';')[0]));
        }

        var keyFiles = Directory.GetFiles(Path.Combine(directory.DataRoot, "keys"), "key-*.xml");
        Assert.NotEmpty(keyFiles);
        foreach (var file in keyFiles)
        {
            var xml = await File.ReadAllTextAsync(file);
            Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }

        // A new process over the same folder and certificate decrypts the key and accepts the old cookie.
        using var second = new TestApp(directory, settings);
        using var client = second.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false,
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Add("Cookie", cookie);
        using var me = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public void AWrongCertificatePasswordStopsStartUpNamingTheSetting()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        var settings = CertificateSettings(directory, "pfx passphrase");
        settings["DataProtection:CertificatePassword"] = "not the passphrase";

        using var app = new TestApp(directory, settings);
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("DataProtection:CertificatePassword", Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingCertificateFileStopsStartUpNamingThePath()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        var missing = Path.Combine(directory.Root, "nowhere.pfx");

        using var app = new TestApp(directory, new() { ["DataProtection:CertificatePath"] = missing });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains($"DataProtection:CertificatePath: no certificate file at {missing}", Messages(error), StringComparison.Ordinal);
    }

    /// <summary>A self-signed RSA certificate with its key, written as a password-protected .pfx beside the data folder.</summary>
    private static Dictionary<string, string?> CertificateSettings(TestDirectory directory, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ELearning key protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(directory.Root, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return new()
        {
            ["DataProtection:CertificatePath"] = path,
            ["DataProtection:CertificatePassword"] = password,
        };
    }

    private static string Messages(Exception error)
    {
        var all = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            all.Add(e.Message);
        }
        return string.Join(" | ", all);
    }
}
