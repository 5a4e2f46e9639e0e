using System.Text.Json.Nodes;
using ELearning.Web.Accounts;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ELearning.Web.Certificates.OpenBadges;

internal static class OpenBadgesExtensions
{
    /// <summary>The signing key, the issuer and the verifier; shared by the web app and the CLI.</summary>
    public static IServiceCollection AddOpenBadges(this IServiceCollection services)
    {
        services.AddOptions<CredentialOptions>().BindConfiguration(CredentialOptions.Section);
        services.AddSingleton(sp => CredentialKey.Load(
            sp.GetRequiredService<IOptions<CredentialOptions>>().Value, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OpenBadgeIssuer>();
        services.AddSingleton<StatusListCache>();
        services.AddScoped<StatusLists>();
        services.AddScoped<CredentialVerifier>();
        return services;
    }

    /// <summary>
    /// The issuer profile, its key (alone and as a key set), the revocation list and each learner's own credential.
    /// The key is loaded (or created) here, at start-up, so a bad key setting stops the app with its name.
    /// </summary>
    public static IEndpointRouteBuilder MapOpenBadges(this IEndpointRouteBuilder app)
    {
        app.ServiceProvider.GetRequiredService<CredentialKey>();
        app.MapGet(CredentialUrls.IssuerPath, IssuerAsync);
        app.MapGet(CredentialUrls.JwksPath, KeySet);
        app.MapGet(CredentialUrls.KeyPath + "{thumbprint}", Key);
        app.MapGet(CredentialUrls.StatusListPath, StatusListAsync);
        app.MapGet("/me/certificates/{code}.jwt", DownloadAsync).RequireAuthorization().AllowCookieRedirect();
        return app;
    }

    private static Task<Results<JsonHttpResult<JsonObject>, NotFound>> IssuerAsync(HttpRequest request, PublicUrls publicUrls, OpenBadgeIssuer issuer) =>
        Task.FromResult<Results<JsonHttpResult<JsonObject>, NotFound>>(UrlsFor(request, publicUrls) is { } urls
            ? TypedResults.Json(issuer.IssuerProfile(urls, withContext: true), contentType: "application/ld+json")
            : TypedResults.NotFound());

    private static Results<JsonHttpResult<Dictionary<string, List<Dictionary<string, string>>>>, NotFound> KeySet(
        HttpRequest request, PublicUrls publicUrls, CredentialKey key) =>
        UrlsFor(request, publicUrls) is { } urls
            ? TypedResults.Json(new Dictionary<string, List<Dictionary<string, string>>> { ["keys"] = [key.PublicJwk(urls.Key(key.Thumbprint))] },
                contentType: "application/jwk-set+json")
            : TypedResults.NotFound();

    private static Results<JsonHttpResult<Dictionary<string, string>>, NotFound> Key(
        string thumbprint, HttpRequest request, PublicUrls publicUrls, CredentialKey key) =>
        thumbprint == key.Thumbprint && UrlsFor(request, publicUrls) is { } urls
            ? TypedResults.Json(key.PublicJwk(urls.Key(key.Thumbprint)), contentType: "application/jwk+json")
            : TypedResults.NotFound();

    private static async Task<Results<ContentHttpResult, NotFound>> StatusListAsync(
        HttpContext context, PublicUrls publicUrls, StatusLists statusLists)
    {
        if (UrlsFor(context.Request, publicUrls) is not { } urls)
        {
            return TypedResults.NotFound();
        }
        var jwt = await statusLists.SignedAsync(urls, context.RequestAborted);
        // Verifiers must see a revocation at once: they may store the list but must ask again each time.
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Text(jwt, OpenBadgeIssuer.MediaType);
    }

    /// <summary>The learner's own credential; anyone else's, an unknown code or no sign-in are all the same 404.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(
        string code, HttpContext context, UserManager<AppUser> users, AppDbContext db, PublicUrls publicUrls, OpenBadgeIssuer issuer)
    {
        var userId = users.GetUserId(context.User);
        var normalized = code.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        if (userId is null || normalized.Length > Certificate.CodeLength || UrlsFor(context.Request, publicUrls) is not { } urls)
        {
            return TypedResults.NotFound();
        }
        var certificate = await db.Certificates.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Code == normalized && c.UserId == userId, context.RequestAborted);
        if (certificate is null)
        {
            return TypedResults.NotFound();
        }
        var jwt = issuer.SignCredential(certificate, urls);
        context.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(System.Text.Encoding.ASCII.GetBytes(jwt), OpenBadgeIssuer.MediaType, $"certificate-{certificate.Code}.jwt");
    }

    /// <summary>Addresses under <c>App:PublicUrl</c>; without it only on a loopback host (development), as for mails.</summary>
    private static CredentialUrls? UrlsFor(HttpRequest request, PublicUrls publicUrls) =>
        publicUrls.Absolute(request, "/") is { } siteBase ? new CredentialUrls(siteBase) : null;
}
