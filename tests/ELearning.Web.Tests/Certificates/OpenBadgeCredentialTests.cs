using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ELearning.Web.Accounts;
using ELearning.Web.Certificates;
using ELearning.Web.Certificates.OpenBadges;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ELearning.Web.Tests.Certificates;

public sealed class OpenBadgeCredentialTests
{
    private const string Code = "7KQMW2XRH9TPC4VN3JDF6GLB8ZSYQ5AE";
    private const string Holder = "Ana Popescu-Știrbu";
    // A year before these tests were written, so "not valid yet" never applies; the expiry test moves a fake clock.
    private static readonly DateTime Issued = new(2025, 11, 30, 9, 15, 42, DateTimeKind.Utc);
    private static readonly DateTime Expires = new(2028, 11, 30, 9, 15, 42, DateTimeKind.Utc);

    [Fact]
    public async Task AGenuineCredentialDownloadedByItsOwnerVerifiesOnThePage()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        var userId = await SignUpAsync(app, browser, "ana@example.eu");
        await InsertAsync(app, userId, Code, statusIndex: 42);

        using var download = await browser.Http.GetAsync($"/me/certificates/{Code}.jwt");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vc+jwt", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"certificate-{Code}.jwt", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        var jwt = await download.Content.ReadAsStringAsync();

        var page = await PostPastedAsync(browser, jwt);
        Assert.True(page.Status == HttpStatusCode.OK, page.Document.Body!.TextContent);
        var verdict = page.Document.QuerySelector(".credential-verdict")!;
        Assert.Contains("credential-valid", verdict.ClassList);
        Assert.Contains("Valid", verdict.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Holder, verdict.TextContent, StringComparison.Ordinal);
        Assert.Contains("30 November 2028", verdict.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCredentialIsAnOpenBadgeCredentialSignedWithTheKeyPublishedInTheKeySet()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        var userId = await SignUpAsync(app, browser, "ana@example.eu");
        await InsertAsync(app, userId, Code, statusIndex: 42);
        var token = new JsonWebToken(await browser.GetHtmlAsync($"/me/certificates/{Code}.jwt"));

        Assert.Equal("ES256", token.Alg);
        Assert.Equal("JWT", token.Typ);
        var credential = JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedPayload))!;
        Assert.Equal(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            credential["@context"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], credential["type"]!.AsArray().Select(c => (string)c!));
        Assert.Equal($"https://localhost/certificates/{Code}", (string)credential["id"]!);
        Assert.Equal((string)credential["id"]!, (string)credential["jti"]!);
        Assert.Equal("https://localhost/credentials/issuer", (string)credential["issuer"]!["id"]!);
        Assert.Equal((string)credential["issuer"]!["id"]!, (string)credential["iss"]!);
        Assert.Equal("2025-11-30T09:15:42Z", (string)credential["validFrom"]!);
        Assert.Equal("2028-11-30T09:15:42Z", (string)credential["validUntil"]!);
        Assert.Equal(new DateTimeOffset(Expires).ToUnixTimeSeconds(), (long)credential["exp"]!);
        var subject = credential["credentialSubject"]!;
        Assert.Equal("AchievementSubject", (string)subject["type"]![0]!);
        Assert.Equal((string)subject["id"]!, (string)credential["sub"]!);
        Assert.Equal(Holder, (string)subject["identifier"]![0]!["identityHash"]!);
        var achievement = subject["achievement"]!;
        Assert.Equal("Victim hearing techniques", (string)achievement["name"]!);
        Assert.False(string.IsNullOrWhiteSpace((string)achievement["description"]!));
        Assert.False(string.IsNullOrWhiteSpace((string)achievement["criteria"]!["narrative"]!));
        Assert.Equal(6.5m, (decimal)achievement["creditsAvailable"]!);
        var status = credential["credentialStatus"]!;
        Assert.Equal("BitstringStatusListEntry", (string)status["type"]!);
        Assert.Equal("revocation", (string)status["statusPurpose"]!);
        Assert.Equal("42", (string)status["statusListIndex"]!);
        Assert.Equal("https://localhost/credentials/status/1", (string)status["statusListCredential"]!);

        // The kid dereferences to the key, which is also the one in the published key set.
        var keySet = JsonNode.Parse(await browser.GetHtmlAsync("/.well-known/jwks.json"))!["keys"]!.AsArray();
        var published = Assert.Single(keySet)!;
        Assert.Equal(token.Kid, (string)published["kid"]!);
        Assert.StartsWith("https://localhost/credentials/keys/", token.Kid, StringComparison.Ordinal);
        var single = JsonNode.Parse(await browser.GetHtmlAsync(new Uri(token.Kid).AbsolutePath))!;
        Assert.Equal((string)published["x"]!, (string)single["x"]!);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new JsonWebKey(published.ToJsonString()),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);

        var profile = JsonNode.Parse(await browser.GetHtmlAsync("/credentials/issuer"))!;
        Assert.Equal("https://localhost/credentials/issuer", (string)profile["id"]!);
        Assert.Equal("Profile", (string)profile["type"]![0]!);
    }

    [Fact]
    public async Task TheKeySetHoldsThePublicKeyOnlyAndThePrivateKeyFileIsTheAppUsersAlone()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        var json = await browser.GetHtmlAsync("/.well-known/jwks.json");

        var key = Assert.Single(JsonNode.Parse(json)!["keys"]!.AsArray())!.AsObject();
        Assert.Equal("EC", (string)key["kty"]!);
        Assert.Equal("P-256", (string)key["crv"]!);
        Assert.False(key.ContainsKey("d"));
        Assert.DoesNotContain("\"d\"", json, StringComparison.Ordinal);

        var file = Path.Combine(app.Directory.DataRoot, "credential-keys", "es256.pem");
        Assert.Contains("PRIVATE KEY", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
        }
    }

    [Fact]
    public async Task TheSameKeyIsUsedAfterARestartAndAConfiguredKeyReplacesIt()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        string first;
        using (var app = new TestApp(directory))
        {
            using var browser = app.CreateBrowser();
            first = await browser.GetHtmlAsync("/.well-known/jwks.json");
        }
        using (var again = new TestApp(directory))
        {
            using var browser = again.CreateBrowser();
            Assert.Equal(first, await browser.GetHtmlAsync("/.well-known/jwks.json"));
        }

        using var configured = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var x = Base64UrlEncoder.Encode(configured.ExportParameters(false).Q.X!);
        using var withPem = new TestApp(directory, new() { ["Credentials:SigningKeyPem"] = configured.ExportECPrivateKeyPem() });
        using var client = withPem.CreateBrowser();
        var key = JsonNode.Parse(await client.GetHtmlAsync("/.well-known/jwks.json"))!["keys"]![0]!;
        Assert.Equal(x, (string)key["x"]!);
    }

    [Fact]
    public async Task AChangedNameOrDateBreaksTheSignature()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        var userId = await SignUpAsync(app, browser, "ana@example.eu");
        await InsertAsync(app, userId, Code, statusIndex: 3);
        var jwt = await browser.GetHtmlAsync($"/me/certificates/{Code}.jwt");

        var renamed = Tamper(jwt, c => c["credentialSubject"]!["identifier"]![0]!["identityHash"] = "Ion Ionescu");
        var page = await PostPastedAsync(browser, renamed);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("credential-invalid", page.Document.QuerySelector(".credential-verdict")!.ClassList);
        Assert.Contains("The signature does not match: the credential was changed after it was issued",
            page.Document.QuerySelector(".credential-problems")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Ion Ionescu", page.Document.Body!.TextContent, StringComparison.Ordinal);

        var extended = Tamper(jwt, c =>
        {
            c["validUntil"] = "2040-11-30T09:15:42Z";
            c["exp"] = new DateTimeOffset(2040, 11, 30, 9, 15, 42, TimeSpan.Zero).ToUnixTimeSeconds();
        });
        var result = await VerifyAsync(app, extended);
        Assert.Equal(VerificationState.Tampered, result.State);
        Assert.Equal("The signature does not match: the credential was changed after it was issued.", Assert.Single(result.Problems));

        Assert.Equal(VerificationState.Valid, (await VerifyAsync(app, jwt)).State);
    }

    [Fact]
    public async Task ACredentialSignedByAForeignKeyIsRefused()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        var userId = await SignUpAsync(app, browser, "ana@example.eu");
        await InsertAsync(app, userId, Code, statusIndex: 3);
        var jwt = await browser.GetHtmlAsync($"/me/certificates/{Code}.jwt");
        var payload = Base64UrlEncoder.Decode(new JsonWebToken(jwt).EncodedPayload);
        using var foreign = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };

        var ownKid = handler.CreateToken(payload, new SigningCredentials(
            new ECDsaSecurityKey(foreign) { KeyId = "https://forger.example/keys/1" }, SecurityAlgorithms.EcdsaSha256));
        var page = await PostPastedAsync(browser, ownKid);
        Assert.Contains("Signed by a key that is not this issuer's", page.Document.QuerySelector(".credential-problems")!.TextContent, StringComparison.Ordinal);

        // Naming our key does not help: the signature must still be made with it.
        var borrowedKid = handler.CreateToken(payload, new SigningCredentials(
            new ECDsaSecurityKey(foreign) { KeyId = new JsonWebToken(jwt).Kid }, SecurityAlgorithms.EcdsaSha256));
        Assert.Equal(VerificationState.Tampered, (await VerifyAsync(app, borrowedKid)).State);
    }

    [Fact]
    public async Task ARevocationSetsTheBitInThePublishedListAtOnceAndTheVerifierSaysRevoked()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        var userId = await SignUpAsync(app, browser, "ana@example.eu");
        await InsertAsync(app, userId, Code, statusIndex: 1234);
        var jwt = await browser.GetHtmlAsync($"/me/certificates/{Code}.jwt");
        Assert.False(Bitstring.IsSet(await PublishedBitsAsync(browser), 1234));
        Assert.Equal(VerificationState.Valid, (await VerifyAsync(app, jwt)).State);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Certificates.Where(c => c.Code == Code).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.RevokedAt, new DateTime(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc))
                .SetProperty(c => c.RevokedReason, "name misspelt; reissued"));
        }

        var bits = await PublishedBitsAsync(browser);
        Assert.True(Bitstring.IsSet(bits, 1234));
        Assert.False(Bitstring.IsSet(bits, 1233));
        var page = await PostPastedAsync(browser, jwt);
        Assert.Contains("credential-invalid", page.Document.QuerySelector(".credential-verdict")!.ClassList);
        Assert.Contains("Revoked on 3 December 2026: name misspelt; reissued",
            page.Document.QuerySelector(".credential-problems")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStatusListIsASignedBitstringStatusListCredentialWithExactlyTheRevokedBits()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        var userId = await SignUpAsync(app, browser, "ana@example.eu");
        var revoked = new[] { 0, 7, 8, 131_071 };
        foreach (var index in new[] { 0, 1, 7, 8, 9, 5000, 131_071 })
        {
            await InsertAsync(app, userId, $"CODE{index:D6}", index, revoked: revoked.Contains(index));
        }

        using var response = await browser.Http.GetAsync("/credentials/status/1");
        Assert.Equal("application/vc+jwt", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-cache", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var token = new JsonWebToken(await response.Content.ReadAsStringAsync());
        var list = JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedPayload))!;
        Assert.Equal(["VerifiableCredential", "BitstringStatusListCredential"], list["type"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("https://localhost/credentials/status/1", (string)list["id"]!);
        var subject = list["credentialSubject"]!;
        Assert.Equal("BitstringStatusList", (string)subject["type"]!);
        Assert.Equal("revocation", (string)subject["statusPurpose"]!);
        var encoded = (string)subject["encodedList"]!;
        Assert.StartsWith("u", encoded, StringComparison.Ordinal);

        // Decoded by hand, as a verifier elsewhere would: base64url, then GZIP, 16 KB, index 0 the left-most bit.
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(Base64UrlEncoder.DecodeBytes(encoded[1..])), System.IO.Compression.CompressionMode.Decompress);
        using var raw = new MemoryStream();
        await gzip.CopyToAsync(raw);
        var bits = raw.ToArray();
        Assert.Equal(16 * 1024, bits.Length);
        Assert.Equal(0b1000_0001, bits[0]);
        Assert.Equal(0b1000_0000, bits[1]);
        Assert.Equal(0b0000_0001, bits[^1]);
        Assert.Equal(4, bits.Sum(b => System.Numerics.BitOperations.PopCount(b)));

        // The list is signed by the same published key, so it cannot be forged to hide a revocation.
        var key = JsonNode.Parse(await browser.GetHtmlAsync("/.well-known/jwks.json"))!["keys"]![0]!;
        Assert.Equal((string)key["kid"]!, token.Kid);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new JsonWebKey(key.ToJsonString()),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        Assert.True(validation.IsValid);
        // Pasting the list itself is not mistaken for a certificate.
        Assert.Equal(VerificationState.NotACertificate, (await VerifyAsync(app, token.EncodedToken)).State);
    }

    [Fact]
    public async Task ACredentialPastItsValidUntilDateIsExpired()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        using var app = new TestApp(services: s => s.AddSingleton<TimeProvider>(clock));
        using var browser = app.CreateBrowser();
        var userId = await SignUpAsync(app, browser, "ana@example.eu");
        await InsertAsync(app, userId, Code, statusIndex: 5);
        var jwt = await browser.GetHtmlAsync($"/me/certificates/{Code}.jwt");
        Assert.Equal(VerificationState.Valid, (await VerifyAsync(app, jwt)).State);

        clock.SetUtcNow(new DateTimeOffset(Expires).AddMinutes(1));
        var page = await PostPastedAsync(browser, jwt);
        Assert.Contains("credential-invalid", page.Document.QuerySelector(".credential-verdict")!.ClassList);
        Assert.Contains("Expired on 30 November 2028", page.Document.QuerySelector(".credential-problems")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUploadedCredentialFileIsVerifiedToo()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        var userId = await SignUpAsync(app, browser, "ana@example.eu");
        await InsertAsync(app, userId, Code, statusIndex: 5);
        var jwt = await browser.GetHtmlAsync($"/me/certificates/{Code}.jwt");

        var page = await PostAsync(browser, "", Encoding.ASCII.GetBytes(jwt + "\n"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("credential-valid", page.Document.QuerySelector(".credential-verdict")!.ClassList);
    }

    [Theory]
    [InlineData("", "Paste a credential or choose a file.", 400)]
    [InlineData("hello", "This is not a signed credential", 400)]
    [InlineData("a.b.c", "This is not a signed credential", 400)]
    [InlineData("e30.e30.e30.e30", "This is not a signed credential", 400)]
    [InlineData("{\"type\":[\"OpenBadgeCredential\"]}", "without its signature", 400)]
    // A well-formed JWT with "alg": "none": a readable answer, the credential is not valid.
    [InlineData("eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.", "The credential is not signed.", 200)]
    public async Task MalformedInputGetsAClearMessageAndNever500(string input, string message, int status)
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();

        var page = await PostPastedAsync(browser, input);
        Assert.Equal((HttpStatusCode)status, page.Status);
        Assert.Contains("credential-invalid", page.Document.QuerySelector(".credential-verdict")!.ClassList);
        Assert.Contains(message, page.Document.QuerySelector(".credential-problems")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileLargerThanACredentialCanBeIsRefusedWithA400()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();

        var page = await PostAsync(browser, "", new byte[CredentialVerifier.MaxLength + 10]);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("larger than 64 KB", page.Document.QuerySelector(".credential-problems")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheOwnerCanDownloadACredential()
    {
        using var app = new TestApp();
        using var ana = app.CreateBrowser();
        var anaId = await SignUpAsync(app, ana, "ana@example.eu");
        await InsertAsync(app, anaId, Code, statusIndex: 5);
        using var ion = app.CreateBrowser();
        await SignUpAsync(app, ion, "ion@example.eu");
        using var anonymous = app.CreateBrowser();

        using (var own = await ana.Http.GetAsync($"/me/certificates/{Code.ToLowerInvariant()}.jwt"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }
        using (var other = await ion.Http.GetAsync($"/me/certificates/{Code}.jwt"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }
        using (var nobody = await anonymous.Http.GetAsync($"/me/certificates/{Code}.jwt"))
        {
            // Signed out: asked to sign in, as everywhere under /me.
            Assert.Equal(HttpStatusCode.Redirect, nobody.StatusCode);
            Assert.StartsWith("/Account/Login", TestClient.LocalPath(nobody.Headers.Location), StringComparison.Ordinal);
        }
        using var unknown = await ana.Http.GetAsync("/me/certificates/NOSUCHCODE.jwt");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<string> SignUpAsync(TestApp app, TestClient browser, string email)
    {
        await browser.SignUpAndInAsync(email);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    private static async Task InsertAsync(TestApp app, string userId, string code, int statusIndex, bool revoked = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Certificates.Add(new Certificate
        {
            Code = code,
            UserId = userId,
            CourseSlug = "countering-thb",
            ModuleSlug = "victim-hearing",
            Round = statusIndex + 1,
            HolderName = Holder,
            Title = "Victim hearing techniques",
            Hours = 6.5m,
            IssuerName = "Institutul Național al Magistraturii",
            CompletedAt = Issued,
            IssuedAt = Issued,
            ExpiresAt = Expires,
            StatusIndex = statusIndex,
            RevokedAt = revoked ? Issued.AddDays(1) : null,
            RevokedReason = revoked ? "test" : null,
        });
        await db.SaveChangesAsync();
    }

    private static async Task<CredentialVerification> VerifyAsync(TestApp app, string jwt)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CredentialVerifier>().VerifyAsync(jwt, CancellationToken.None);
    }

    private static async Task<byte[]> PublishedBitsAsync(TestClient browser)
    {
        var token = new JsonWebToken(await browser.GetHtmlAsync("/credentials/status/1"));
        var list = JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedPayload))!;
        return Bitstring.Decode((string)list["credentialSubject"]!["encodedList"]!);
    }

    /// <summary>Changes the payload and keeps the original header and signature, as a forger without the key would.</summary>
    private static string Tamper(string jwt, Action<JsonNode> change)
    {
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        change(payload);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    private static Task<(HttpStatusCode Status, IHtmlDocument Document)> PostPastedAsync(TestClient browser, string credential) =>
        PostAsync(browser, credential, file: null);

    /// <summary>Posts the verification form as a browser does (multipart, with the page's antiforgery token).</summary>
    private static async Task<(HttpStatusCode Status, IHtmlDocument Document)> PostAsync(TestClient browser, string credential, byte[]? file)
    {
        var (status, page) = await browser.GetPageAsync("/certificates/verify");
        Assert.Equal(HttpStatusCode.OK, status);
        using var content = new MultipartFormDataContent();
        var verify = page.Forms.Single(TestClient.FormNamed("verify-credential"));
        foreach (var hidden in verify.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }
        content.Add(new StringContent(credential), "Input.Credential");
        if (file is not null)
        {
            var bytes = new ByteArrayContent(file);
            bytes.Headers.ContentType = new("application/octet-stream");
            content.Add(bytes, "file", "certificate.jwt");
        }
        using var response = await browser.Http.PostAsync("/certificates/verify", content);
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, new HtmlParser().ParseDocument(html));
    }
}
