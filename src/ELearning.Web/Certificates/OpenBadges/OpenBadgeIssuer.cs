using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ELearning.Web.Certificates.OpenBadges;

/// <summary>
/// Each certificate as an <c>OpenBadgeCredential</c>, signed as a VC-JWT.
/// <list type="bullet">
/// <item>Data model: 1EdTech Open Badges 3.0 (https://www.imsglobal.org/spec/ob/v3p0/, "OpenBadgeCredential",
/// "AchievementSubject", "Achievement", "Profile") on the W3C Verifiable Credentials Data Model 2.0
/// (https://www.w3.org/TR/vc-data-model-2.0/): contexts <c>https://www.w3.org/ns/credentials/v2</c> then the OB 3.0.3
/// context, <c>validFrom</c>/<c>validUntil</c>, a <c>credentialStatus</c> of type <c>BitstringStatusListEntry</c>
/// (https://www.w3.org/TR/vc-bitstring-status-list/).</item>
/// <item>Proof: OB 3.0 "JSON Web Token Proof Format", which profiles W3C VC-JOSE-COSE
/// (https://www.w3.org/TR/vc-jose-cose/): the payload is the credential itself plus the claims <c>iss</c> (issuer.id),
/// <c>jti</c> (id), <c>sub</c> (credentialSubject.id), <c>nbf</c> (validFrom) and <c>exp</c> (validUntil); the header
/// holds only <c>alg</c>, <c>kid</c> (a URL that dereferences to the public JWK) and <c>typ</c> "JWT" — OB 3.0 allows
/// no other header and requires "JWT" where VC-JOSE-COSE would suggest "vc+jwt". ES256 is used: OB 3.0 requires
/// verifiers to support RS256 at least and permits other algorithms.</item>
/// </list>
/// </summary>
internal sealed class OpenBadgeIssuer(CredentialKey key, IOptions<CredentialOptions> options, TimeProvider clock)
{
    public const string VcContext = "https://www.w3.org/ns/credentials/v2";
    public const string OpenBadgesContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public const string MediaType = "application/vc+jwt";

    // Readable names (ș, ł…) in the payload; it is never inserted into HTML unencoded.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public CredentialKey Key => key;

    public string IssuerName => options.Value.IssuerName;

    /// <summary>The issuer profile, published at <see cref="CredentialUrls.Issuer"/> and embedded in every credential.</summary>
    public JsonObject IssuerProfile(CredentialUrls urls, bool withContext = false)
    {
        var profile = new JsonObject();
        if (withContext)
        {
            profile["@context"] = new JsonArray(VcContext, OpenBadgesContext);
        }
        profile["id"] = urls.Issuer;
        profile["type"] = new JsonArray("Profile");
        profile["name"] = IssuerName;
        profile["url"] = urls.Issuer[..^CredentialUrls.IssuerPath.Length] + "/";
        return profile;
    }

    public JsonObject Credential(Certificate certificate, CredentialUrls urls)
    {
        var id = urls.Certificate(certificate.Code);
        var subjectId = SubjectId(certificate.Code);
        var validFrom = Seconds(certificate.IssuedAt);
        var validUntil = certificate.ExpiresAt is { } expires ? Seconds(expires) : (DateTime?)null;
        var isModule = certificate.ModuleSlug.Length > 0;

        var achievement = new JsonObject
        {
            ["id"] = urls.Achievement(certificate.CourseSlug, certificate.ModuleSlug),
            ["type"] = new JsonArray("Achievement"),
            ["achievementType"] = "Certificate",
            ["name"] = certificate.Title,
            ["description"] = $"Certificate of completion of the {(isModule ? "module" : "course")} “{certificate.Title}”, awarded by {certificate.IssuerName}.",
            ["criteria"] = new JsonObject
            {
                ["narrative"] = isModule
                    ? $"Complete every lesson of the module “{certificate.Title}” and pass its graded assessment, when it has one."
                    : $"Complete every required module of the course “{certificate.Title}”.",
            },
            // The organisation named on the certificate (from the course's certificate rule); the issuer is this site.
            ["creator"] = new JsonObject
            {
                ["id"] = "urn:uuid:" + NameUuid("creator:" + certificate.IssuerName),
                ["type"] = new JsonArray("Profile"),
                ["name"] = certificate.IssuerName,
            },
        };
        if (certificate.Hours is { } hours)
        {
            achievement["creditsAvailable"] = hours;
        }

        var subject = new JsonObject
        {
            ["id"] = subjectId,
            ["type"] = new JsonArray("AchievementSubject"),
            ["identifier"] = new JsonArray(new JsonObject
            {
                ["type"] = "IdentityObject",
                ["identityHash"] = certificate.HolderName,
                ["identityType"] = "name",
                ["hashed"] = false,
            }),
            ["achievement"] = achievement,
        };
        if (certificate.Hours is { } earned)
        {
            subject["creditsEarned"] = earned;
        }

        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(VcContext, OpenBadgesContext),
            ["id"] = id,
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = IssuerProfile(urls),
            ["name"] = certificate.Title,
            ["validFrom"] = Format(validFrom),
        };
        if (validUntil is { } until)
        {
            credential["validUntil"] = Format(until);
        }
        credential["awardedDate"] = Format(validFrom);
        credential["credentialSubject"] = subject;
        credential["credentialStatus"] = new JsonObject
        {
            ["id"] = urls.StatusList + "#" + certificate.StatusIndex.ToString(CultureInfo.InvariantCulture),
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = certificate.StatusIndex.ToString(CultureInfo.InvariantCulture),
            ["statusListCredential"] = urls.StatusList,
        };

        // The JWT claims that OB 3.0 requires beside the credential.
        credential["iss"] = urls.Issuer;
        credential["jti"] = id;
        credential["sub"] = subjectId;
        credential["nbf"] = new DateTimeOffset(validFrom).ToUnixTimeSeconds();
        if (validUntil is { } exp)
        {
            credential["exp"] = new DateTimeOffset(exp).ToUnixTimeSeconds();
        }
        return credential;
    }

    /// <summary>The revocation list as a signed <c>BitstringStatusListCredential</c>.</summary>
    public string SignStatusList(string encodedList, CredentialUrls urls)
    {
        var now = Seconds(clock.GetUtcNow().UtcDateTime);
        var list = new JsonObject
        {
            ["@context"] = new JsonArray(VcContext),
            ["id"] = urls.StatusList,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = urls.Issuer,
            ["validFrom"] = Format(now),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = urls.StatusList + "#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = "revocation",
                ["encodedList"] = encodedList,
            },
            ["iss"] = urls.Issuer,
            ["jti"] = urls.StatusList,
            ["nbf"] = new DateTimeOffset(now).ToUnixTimeSeconds(),
        };
        return Sign(list, urls);
    }

    public string Sign(JsonObject payload, CredentialUrls urls) =>
        _handler.CreateToken(payload.ToJsonString(Json), key.SigningCredentials(urls.Key(key.Thumbprint)));

    public string SignCredential(Certificate certificate, CredentialUrls urls) => Sign(Credential(certificate, urls), urls);

    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The subject's id, one per certificate, so two certificates of one learner cannot be linked by it.</summary>
    public static string SubjectId(string code) => "urn:uuid:" + NameUuid("holder:" + code);

    private static DateTime Seconds(DateTime value)
    {
        var utc = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
    }

    /// <summary>A name-based UUID (RFC 9562 version 8, from SHA-256) for things that have no address of their own.</summary>
    private static Guid NameUuid(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}
