using System.Threading.RateLimiting;
using ELearning.Web.Audit;
using ELearning.Web.Security;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace ELearning.Web.Certificates;

internal static class CertificatesExtensions
{
    /// <summary>The rate-limit policy of the public verification page and the code form.</summary>
    public const string CheckPolicy = "certificate-checks";
    public const int DefaultChecksPerMinute = 120;

    /// <summary>Certificates: the public page's cache and its rate limit per client address.</summary>
    public static IServiceCollection AddCertificates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CertificateChecks>();
        services.AddCertificateMails();
        var perMinute = configuration.GetValue("RateLimits:CertificateChecksPerMinute", DefaultChecksPerMinute);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(CheckPolicy, context =>
            RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }

    /// <summary>The admin actions; the pages are Razor components under <c>Certificates/Pages</c>.</summary>
    public static IEndpointRouteBuilder MapCertificates(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/certificates/{code}").RequireAuthorization(p => p.RequireRole(Accounts.Roles.Admin)).RequireAntiforgery();
        admin.MapPost("/revoke", RevokeAsync);
        admin.MapPost("/reissue", ReissueAsync);
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> RevokeAsync(
        string code, HttpContext context, AppDbContext db, TimeProvider clock, CertificateChecks checks, Progress.LearnerRecords records)
    {
        if (CertificateCodes.Normalise(code) is not { } normalised)
        {
            return TypedResults.NotFound();
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string? holder = null;
        var outcome = await CertificateActions.RevokeAsync(db, normalised, form["reason"], ActorId(context), clock.GetUtcNow().UtcDateTime,
            (c, reason) =>
            {
                holder = c.UserId;
                AuditLog.Add(db, context, CertificateActions.RevokeAction, CertificateActions.TargetType, c.Code, reason, $"{c.Title} · {c.HolderName}", c.UserId);
            },
            context.RequestAborted);
        if (holder is not null)
        {
            records.Invalidate(holder);
        }
        if (outcome == CertificateActionOutcome.NotFound)
        {
            return TypedResults.NotFound();
        }
        checks.Invalidate(normalised);
        return TypedResults.Redirect(AdminUrl(normalised, outcome == CertificateActionOutcome.Done ? "revoked" : outcome.ToString()));
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> ReissueAsync(
        string code, HttpContext context, AppDbContext db, TimeProvider clock, CertificateChecks checks, Progress.LearnerRecords records)
    {
        if (CertificateCodes.Normalise(code) is not { } normalised)
        {
            return TypedResults.NotFound();
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var reason = form["reason"].ToString().Trim();
        var (outcome, replacement) = await CertificateActions.ReissueAsync(db, normalised, ActorId(context), clock.GetUtcNow().UtcDateTime,
            (old, next) => AuditLog.Add(db, context, CertificateActions.ReissueAction, CertificateActions.TargetType, old.Code,
                reason.Length > 0 ? reason : "name correction", $"{old.HolderName} → {next.HolderName}; new certificate {next.Code}", old.UserId),
            context.RequestAborted);
        if (outcome == CertificateActionOutcome.NotFound)
        {
            return TypedResults.NotFound();
        }
        checks.Invalidate(normalised);
        if (replacement is not null)
        {
            records.Invalidate(replacement.UserId);
        }
        return TypedResults.Redirect(replacement is null ? AdminUrl(normalised, outcome.ToString()) : AdminUrl(replacement.Code, "reissued"));
    }

    private static string? ActorId(HttpContext context) => context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    private static string AdminUrl(string code, string done) => "/admin/certificates?q=" + code + "&done=" + Uri.EscapeDataString(done);
}
