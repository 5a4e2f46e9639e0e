using System.Globalization;
using ELearning.Theming;
using ELearning.Web.Accounts;
using ELearning.Web.Reports;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ELearning.Web.Admin;

/// <summary>One row of the user list.</summary>
internal sealed record UserRow(
    string Id, string DisplayName, string? Email, string Institution, string Country, Profession Profession, DateTime RegisteredAt,
    bool Locked, IReadOnlyList<string> Roles);

/// <summary>The user list: search by name, email or institution, a page at a time, as the page and its CSV show it.</summary>
internal static class UserList
{
    public const int PageSize = 50;

    public static IQueryable<AppUser> Search(AppDbContext db, string? q)
    {
        // Erased accounts (kept only for their certificates) are not accounts any more.
        var users = db.Users.AsNoTracking().Where(u => u.Email != null);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            users = users.Where(u => EF.Functions.Like(u.DisplayName, pattern, "\\") || EF.Functions.Like(u.Email!, pattern, "\\")
                || EF.Functions.Like(u.Institution, pattern, "\\"));
        }
        return users.OrderBy(u => u.DisplayName).ThenBy(u => u.Email);
    }

    public static async Task<List<UserRow>> PageAsync(AppDbContext db, IQueryable<AppUser> query, int page, CancellationToken cancel) =>
        await RowsAsync(db, query.Skip((page - 1) * PageSize).Take(PageSize), cancel);

    public static async Task<List<UserRow>> RowsAsync(AppDbContext db, IQueryable<AppUser> query, CancellationToken cancel)
    {
        var now = DateTimeOffset.UtcNow;
        var rows = await query
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.Institution, u.Country, u.Profession, u.RegisteredAt, u.LockoutEnd,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancel);
        return [.. rows.Select(u => new UserRow(
            u.Id, u.DisplayName, u.Email, u.Institution, u.Country, u.Profession, u.RegisteredAt, u.LockoutEnd > now,
            [.. u.Roles.Order(StringComparer.Ordinal)]))];
    }

    public static ReportTable ToTable(IEnumerable<UserRow> users, IStringLocalizer<Strings> l) =>
        new(
            [l["AdminName"], l["AdminEmail"], l["AdminInstitution"], l["AdminCountry"], l["Profession"], l["AdminRoles"], l["AdminStatus"], l["AdminRegistered"]],
            [.. users.Select(u => (IReadOnlyList<string>)[
                u.DisplayName, u.Email ?? "", u.Institution, u.Country.Length == 0 ? "" : Countries.DisplayName(u.Country), l["Profession_" + u.Profession],
                string.Join(", ", u.Roles), u.Locked ? l["AdminLocked"] : l["AdminActive"],
                u.RegisteredAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)])]);
}
