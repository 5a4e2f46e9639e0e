using System.Globalization;
using System.Security.Claims;
using System.Text;
using ELearning.Web.Accounts;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Certificates;

internal static class CertificateDocumentsExtensions
{
    /// <summary>The HTML certificate is a document of its own: inline styles and data-URI images, nothing else (no script).</summary>
    private const string HtmlPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddCertificateDocuments(this IServiceCollection services)
    {
        services.AddOptions<CertificateDocumentOptions>().BindConfiguration(CertificateDocumentOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CertificateDocuments>();
        return services;
    }

    /// <summary>
    /// The holder's own documents. A signed-out visitor is sent to sign in, as everywhere under /me (whatever the code);
    /// anyone else signed in gets 404 (not 403: whether a code exists is not revealed here; the public page says that).
    /// Admins may open any certificate, for support.
    /// </summary>
    public static IEndpointRouteBuilder MapCertificateDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/me/certificates/{code}.pdf", PdfAsync).RequireAuthorization().AllowCookieRedirect();
        app.MapGet("/me/certificates/{code}", HtmlAsync).RequireAuthorization().AllowCookieRedirect();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> PdfAsync(
        string code, HttpContext context, AppDbContext db, CertificateDocuments documents, PublicUrls urls, ILoggerFactory logs)
    {
        var certificate = await FindAsync(code, context.User, db);
        if (certificate is null)
        {
            return TypedResults.NotFound();
        }
        var view = documents.View(certificate, VerificationUrl(certificate, context, urls, logs), pdfUrl: null);
        context.Response.Headers.CacheControl = "private, no-cache";
        return TypedResults.File(documents.Pdf(view), "application/pdf", FileName(certificate));
    }

    private static async Task<Results<ContentHttpResult, NotFound>> HtmlAsync(
        string code, HttpContext context, AppDbContext db, CertificateDocuments documents, PublicUrls urls, ILoggerFactory logs)
    {
        var certificate = await FindAsync(code, context.User, db);
        if (certificate is null)
        {
            return TypedResults.NotFound();
        }
        var view = documents.View(certificate, VerificationUrl(certificate, context, urls, logs), $"/me/certificates/{certificate.Code}.pdf");
        var html = await documents.HtmlAsync(view);
        context.Response.Headers.ContentSecurityPolicy = HtmlPolicy;
        context.Response.Headers.CacheControl = "private, no-cache";
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>The certificate when the signed-in user holds it (and it is not revoked) or is an admin; else null.</summary>
    private static async Task<Certificate?> FindAsync(string code, ClaimsPrincipal user, AppDbContext db)
    {
        var normal = CertificateDocuments.NormaliseCode(code);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (normal is null || userId is null)
        {
            return null;
        }
        var certificate = await db.Set<Certificate>().AsNoTracking().SingleOrDefaultAsync(c => c.Code == normal);
        if (certificate is null)
        {
            return null;
        }
        if (user.IsInRole("Admin"))
        {
            return certificate;
        }
        // A revoked certificate (or one replaced after a name correction) is no longer the holder's to print.
        return certificate.UserId == userId && !certificate.IsRevoked ? certificate : null;
    }

    private static Uri? VerificationUrl(Certificate certificate, HttpContext context, PublicUrls urls, ILoggerFactory logs)
    {
        var url = urls.Absolute(context.Request, $"/certificates/{certificate.Code}");
        if (url is null)
        {
            logs.CreateLogger(typeof(CertificateDocumentsExtensions)).LogWarning(
                "Certificate {Code} printed without its QR code: set App:PublicUrl to the site's public address.", certificate.Code);
        }
        return url;
    }

    /// <summary>e.g. <c>certificate-hearing-victims-7KQM2XRT.pdf</c>: ASCII, so every browser and file system keeps it.</summary>
    private static string FileName(Certificate certificate)
    {
        var slug = new StringBuilder();
        foreach (var c in certificate.Title.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var title = slug.ToString().Trim('-');
        title = title.Length > 60 ? title[..60].TrimEnd('-') : title;
        return $"certificate-{(title.Length > 0 ? title + "-" : "")}{certificate.Code[..Math.Min(8, certificate.Code.Length)]}.pdf";
    }
}
