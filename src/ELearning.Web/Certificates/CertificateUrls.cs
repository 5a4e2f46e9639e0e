using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Certificates;

internal static class CertificateUrls
{
    /// <summary>The public verification page (no sign-in), also the QR code's target.</summary>
    public static string Public(string code) => "/certificates/" + code;

    /// <summary>The holder's own printable page; <c>.pdf</c> and <c>.jwt</c> are its downloads.</summary>
    public static string Own(string code) => "/me/certificates/" + code;

    public static string Pdf(string code) => Own(code) + ".pdf";

    public static string Credential(string code) => Own(code) + ".jwt";

    /// <summary>
    /// <c>/me</c> with the notice that a completion issued these certificates, and a link back to where the learner was
    /// (a local path only: the value is echoed into a link).
    /// </summary>
    public static string IssuedNotice(IEnumerable<Certificate> issued, string back) =>
        "/me?issued=" + string.Join(',', issued.Select(c => c.Code)) + "&from=" + Uri.EscapeDataString(back) + "#certificates";

    /// <summary>
    /// A page of the learner's (an attempt's result) with the notice that these certificates were just issued; the page
    /// shows it from the learner's own certificates only (<see cref="CertificateLists.ForLearner"/>).
    /// </summary>
    public static string WithIssuedNotice(string page, IEnumerable<Certificate> issued) =>
        page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "issued=" + string.Join(',', issued.Select(c => c.Code));

    /// <summary>A local path that is safe to link back to, or null.</summary>
    public static string? LocalPath(string? url) =>
        url is { Length: > 0 and < 2000 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : null;

    /// <summary>The certificates a request's completion issued: those of the learner stamped with that request's time.</summary>
    public static Task<List<Certificate>> IssuedAtAsync(AppDbContext db, string userId, DateTime now, CancellationToken cancel) =>
        db.Certificates.AsNoTracking().Where(c => c.UserId == userId && c.IssuedAt == now).ToListAsync(cancel);
}
