using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace ELearning.Web.Accounts;

/// <summary>The site's public address (<c>App:PublicUrl</c>), the only base for links that leave the site.</summary>
internal sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>Absolute http(s) URL the site is reached at, e.g. <c>https://learn.example.org/</c>; empty in development.</summary>
    public string? PublicUrl { get; set; }

    public Uri? PublicBase =>
        Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
            : null;
}

/// <summary>
/// Builds every absolute link the app hands out (mails today; QR codes and credentials later). Never from the request's
/// Host header, which a client chooses: a reset link on an attacker's host would leak the token. Without a configured
/// public URL only a request addressed to a loopback name (development) gets links, and they point at that loopback name.
/// </summary>
internal sealed class PublicUrls(IOptions<AppOptions> options)
{
    private readonly Uri? _base = options.Value.PublicBase;

    public bool IsConfigured => _base is not null;

    /// <summary>
    /// The absolute URL for a site path such as <c>/Account/ResetPassword?x=y</c>, or null when links may not be made
    /// (no public URL, and no loopback request to take the address from: a background job has no request).
    /// </summary>
    public Uri? Absolute(HttpRequest? request, string pathAndQuery)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        if (pathAndQuery[0] != '/' || pathAndQuery.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("Expected a site-relative path.", nameof(pathAndQuery));
        }
        if (_base is not null)
        {
            return new Uri(_base, pathAndQuery.TrimStart('/'));
        }
        return request is not null && IsLoopbackHost(request.Host.Host)
            ? new Uri($"{request.Scheme}://{request.Host.Value}{request.PathBase}{pathAndQuery}")
            : null;
    }

    /// <summary>Whether a finished link may go into a mail: under the public URL, or on a loopback host when none is set.</summary>
    public bool MayLinkTo(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && (_base is not null
            ? _base.IsBaseOf(uri) && string.Equals(uri.Host, _base.Host, StringComparison.OrdinalIgnoreCase)
            : IsLoopbackHost(uri.Host));

    public static bool IsLoopbackHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}

internal static class PublicUrlsExtensions
{
    /// <summary>Binds <c>App:PublicUrl</c> and, unless <c>AllowedHosts</c> is set explicitly, allows only its host (and loopback names).</summary>
    public static IServiceCollection AddPublicUrls(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || o.PublicBase is not null, "App:PublicUrl must be an absolute http or https URL.")
            .ValidateOnStart();
        services.AddSingleton<PublicUrls>();
        services.PostConfigure<HostFilteringOptions>(o =>
        {
            var explicitHosts = configuration["AllowedHosts"];
            var publicBase = configuration.GetSection(AppOptions.Section).Get<AppOptions>()?.PublicBase;
            if (publicBase is not null && (string.IsNullOrWhiteSpace(explicitHosts) || explicitHosts.Trim() == "*"))
            {
                // Loopback names stay allowed for health probes and an operator on the machine; links never use them.
                o.AllowedHosts = [publicBase.Host, "localhost", "127.0.0.1", "[::1]"];
            }
        });
        return services;
    }
}
