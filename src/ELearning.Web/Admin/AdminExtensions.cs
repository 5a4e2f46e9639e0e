using ELearning.Theming;
using ELearning.Web.Reports;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ELearning.Web.Admin;

/// <summary>The <c>/admin</c> area's endpoints: user actions and the CSV twins of the user list and the audit log.</summary>
internal static class AdminExtensions
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapUserAdmin();
        var admin = app.MapGroup("/admin").RequireAuthorization(p => p.RequireRole(Accounts.Roles.Admin)).AllowCookieRedirect();
        admin.MapGet("/users.csv", async (AppDbContext db, IStringLocalizer<Strings> l, string? q, CancellationToken cancel) =>
            UserList.ToTable(await UserList.RowsAsync(db, UserList.Search(db, q), cancel), l).CsvResult("users.csv"));
        admin.MapGet("/audit.csv", async Task<IResult> (
            AppDbContext db, IStringLocalizer<Strings> l, string? action, string? actor, string? learner, string? from, string? to, CancellationToken cancel) =>
        {
            if (ReportsExtensions.ParsePeriod(from, to) is not { } period)
            {
                return TypedResults.BadRequest(l["ReportBadDate"].Value);
            }
            var entries = await AuditList.Filter(db, action, actor, learner, period).ToListAsync(cancel);
            return AuditList.ToTable(entries, l).CsvResult("audit-log.csv");
        });
        return app;
    }

    /// <summary>
    /// Every page under <c>/admin</c> is the admin's alone, whatever roles its component allows under another address
    /// (the report pages also answer under <c>/trainer</c>): others get the usual access-denied redirect.
    /// </summary>
    public static TBuilder RequireAdminUnderAdmin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } pattern }
                && ("/" + pattern.TrimStart('/') + "/").StartsWith("/admin/", StringComparison.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Accounts.Roles.Admin });
            }
        });
        return builder;
    }
}
