using System.Security.Claims;
using System.Text;
using ELearning.Web.Accounts;
using ELearning.Web.Audit;
using ELearning.Web.Certificates;
using ELearning.Web.Progress;
using ELearning.Web.Security;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Admin;

/// <summary>
/// What an administrator does to an account, each action audited in the same save as the change: grant and revoke
/// roles, lock and unlock, send a password-reset link, and delete with erasure of personal data. An administrator can
/// never leave the site without one: the last admin cannot lose the role, be locked or be deleted.
/// </summary>
internal static class UserAdmin
{
    public const string ErasedName = "(erased account)";

    public static IEndpointRouteBuilder MapUserAdmin(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/admin/users/{id}").RequireAuthorization(p => p.RequireRole(Roles.Admin)).RequireAntiforgery().AllowCookieRedirect();
        users.MapPost("/roles", RoleAsync);
        users.MapPost("/lock", LockAsync);
        users.MapPost("/unlock", UnlockAsync);
        users.MapPost("/reset-link", ResetLinkAsync);
        users.MapPost("/erase", EraseRequestAsync);
        return app;
    }

    private static Task<Results<RedirectHttpResult, NotFound>> RoleAsync(
        string id, HttpContext http, AppDbContext db, UserManager<AppUser> users, [Microsoft.AspNetCore.Mvc.FromForm] string? role,
        [Microsoft.AspNetCore.Mvc.FromForm] string? grant, [Microsoft.AspNetCore.Mvc.FromForm] string? reason) =>
        ActAsync(id, http, db, users, async user =>
        {
            if (Roles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase)) is not { } name)
            {
                return "bad-role";
            }
            var granting = grant == "true";
            if (!granting && name == Roles.Admin)
            {
                if (IsSelf(http, user))
                {
                    return "self";
                }
                if (await IsLastAdminAsync(users, user))
                {
                    return "last-admin";
                }
            }
            if (granting == await users.IsInRoleAsync(user, name))
            {
                return null; // nothing to change
            }
            var action = granting ? "role.grant" : "role.revoke";
            var entry = AuditLog.Add(db, http, action, "user", user.Id, reason?.Trim() ?? "", details: name, learnerId: user.Id);
            var result = granting ? await users.AddToRoleAsync(user, name) : await users.RemoveFromRoleAsync(user, name);
            return Settle(db, entry, result, action);
        });

    private static Task<Results<RedirectHttpResult, NotFound>> LockAsync(
        string id, HttpContext http, AppDbContext db, UserManager<AppUser> users, [Microsoft.AspNetCore.Mvc.FromForm] string? reason) =>
        ActAsync(id, http, db, users, async user =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return "reason";
            }
            if (IsSelf(http, user))
            {
                return "self";
            }
            if (await IsLastAdminAsync(users, user))
            {
                return "last-admin";
            }
            var entry = AuditLog.Add(db, http, "user.lock", "user", user.Id, reason.Trim(), learnerId: user.Id);
            user.LockoutEnabled = true;
            return Settle(db, entry, await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue), "user.lock");
        });

    private static Task<Results<RedirectHttpResult, NotFound>> UnlockAsync(
        string id, HttpContext http, AppDbContext db, UserManager<AppUser> users, [Microsoft.AspNetCore.Mvc.FromForm] string? reason) =>
        ActAsync(id, http, db, users, async user =>
        {
            var entry = AuditLog.Add(db, http, "user.unlock", "user", user.Id, reason?.Trim() ?? "", learnerId: user.Id);
            user.AccessFailedCount = 0;
            return Settle(db, entry, await users.SetLockoutEndDateAsync(user, null), "user.unlock");
        });

    private static Task<Results<RedirectHttpResult, NotFound>> ResetLinkAsync(
        string id, HttpContext http, AppDbContext db, UserManager<AppUser> users, IEmailSender<AppUser> mail, PublicUrls urls) =>
        ActAsync(id, http, db, users, async user =>
        {
            if (user.Email is null)
            {
                return "erased";
            }
            // The same link as the learner's own "forgot password" form sends.
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = urls.Absolute(http.Request, QueryHelpers.AddQueryString("/Account/ResetPassword",
                new Dictionary<string, string?> { ["email"] = user.Email, ["code"] = code }));
            if (link is null)
            {
                return "no-url";
            }
            await mail.SendPasswordResetLinkAsync(user, user.Email, link.AbsoluteUri);
            AuditLog.Add(db, http, "user.reset-link", "user", user.Id, learnerId: user.Id);
            await db.SaveChangesAsync(http.RequestAborted);
            return "user.reset-link";
        });

    private static Task<Results<RedirectHttpResult, NotFound>> EraseRequestAsync(
        string id, HttpContext http, AppDbContext db, UserManager<AppUser> users, LearnerRecords records,
        [Microsoft.AspNetCore.Mvc.FromForm] string? reason, [Microsoft.AspNetCore.Mvc.FromForm] string? confirm) =>
        ActAsync(id, http, db, users, async user =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return "reason";
            }
            if (user.Email is null || !string.Equals(confirm?.Trim(), user.Email, StringComparison.OrdinalIgnoreCase))
            {
                return "confirm";
            }
            if (await IsLastAdminAsync(users, user))
            {
                return "last-admin";
            }
            var self = IsSelf(http, user);
            AuditLog.Add(db, http, "user.erase", "user", user.Id, reason.Trim(), learnerId: user.Id);
            await EraseAsync(db, user, http.RequestAborted);
            records.Invalidate(user.Id);
            if (http.RequestServices.GetService<Sessions>() is { } sessions)
            {
                await sessions.EndAllAsync(db, user.Id, http.RequestAborted);
            }
            return self ? "self-erased" : "user.erase";
        });

    /// <summary>
    /// Deletes the account's personal data (see docs/decisions.md, "Erasure"). An account that holds certificates stays
    /// as an empty, locked row, because each certificate still names its holder for verification; otherwise the row goes.
    /// Audit entries stay, with the erased person's name replaced; the entry recording the erasure commits with it.
    /// </summary>
    public static async Task EraseAsync(AppDbContext db, AppUser user, CancellationToken cancel)
    {
        var id = user.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        await db.SaveChangesAsync(cancel); // the caller's audit entry
        await db.AttemptQuestions.Where(q => db.AssessmentAttempts.Any(a => a.Id == q.AttemptId && a.UserId == id)).ExecuteDeleteAsync(cancel);
        await db.AssessmentAttempts.Where(a => a.UserId == id).ExecuteDeleteAsync(cancel);
        await db.LessonProgress.Where(p => p.UserId == id).ExecuteDeleteAsync(cancel);
        await db.KnowledgeCheckAnswers.Where(a => a.UserId == id).ExecuteDeleteAsync(cancel);
        await db.Attendance.Where(a => a.UserId == id).ExecuteDeleteAsync(cancel);
        await db.CohortMembers.Where(m => m.UserId == id).ExecuteDeleteAsync(cancel);
        await db.CohortTrainers.Where(t => t.UserId == id).ExecuteDeleteAsync(cancel);
        await db.UserSessions.Where(s => s.UserId == id).ExecuteDeleteAsync(cancel);
        await db.AuditLog.Where(e => e.ActorId == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, ErasedName), cancel);

        if (await db.Certificates.AnyAsync(c => c.UserId == id, cancel))
        {
            await db.UserRoles.Where(r => r.UserId == id).ExecuteDeleteAsync(cancel);
            await db.UserClaims.Where(c => c.UserId == id).ExecuteDeleteAsync(cancel);
            await db.UserLogins.Where(l => l.UserId == id).ExecuteDeleteAsync(cancel);
            await db.UserTokens.Where(t => t.UserId == id).ExecuteDeleteAsync(cancel);
            // Passkeys exist from Identity's schema version 3 on; the 2FA work may switch to it.
            if (db.Model.FindEntityType(typeof(IdentityUserPasskey<string>)) is not null)
            {
                await db.UserPasskeys.Where(p => p.UserId == id).ExecuteDeleteAsync(cancel);
            }
            var tombstone = "erased-" + id;
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.UserName, tombstone)
                .SetProperty(u => u.NormalizedUserName, tombstone.ToUpperInvariant())
                .SetProperty(u => u.Email, (string?)null)
                .SetProperty(u => u.NormalizedEmail, (string?)null)
                .SetProperty(u => u.EmailConfirmed, false)
                .SetProperty(u => u.PasswordHash, (string?)null)
                .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))
                .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString("N"))
                .SetProperty(u => u.PhoneNumber, (string?)null)
                .SetProperty(u => u.TwoFactorEnabled, false)
                .SetProperty(u => u.LockoutEnabled, true)
                .SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue)
                .SetProperty(u => u.DisplayName, ErasedName)
                .SetProperty(u => u.Country, "")
                .SetProperty(u => u.Profession, Profession.Other)
                .SetProperty(u => u.Institution, ""), cancel);
        }
        else
        {
            // Identity's own rows (roles, claims, logins, tokens, passkeys) cascade with the user.
            await db.Users.Where(u => u.Id == id).ExecuteDeleteAsync(cancel);
        }
        await transaction.CommitAsync(cancel);
        db.ChangeTracker.Clear();
    }

    public static bool IsErased(AppUser user) => user.Email is null && user.UserName?.StartsWith("erased-", StringComparison.Ordinal) == true;

    private static async Task<Results<RedirectHttpResult, NotFound>> ActAsync(
        string id, HttpContext http, AppDbContext db, UserManager<AppUser> users, Func<AppUser, Task<string?>> act)
    {
        if (await users.FindByIdAsync(id) is not { } user || IsErased(user))
        {
            return TypedResults.NotFound();
        }
        var outcome = await act(user);
        if (outcome == "self-erased")
        {
            return TypedResults.Redirect("/");
        }
        var target = outcome == "user.erase" ? "/admin/users" : $"/admin/users/{Uri.EscapeDataString(id)}";
        return TypedResults.Redirect(outcome is null ? target : target + "?result=" + Uri.EscapeDataString(outcome));
    }

    /// <summary>The action's name when it succeeded; otherwise its audit entry is taken back and the outcome says why.</summary>
    private static string Settle(AppDbContext db, AuditEntry entry, IdentityResult result, string action)
    {
        if (result.Succeeded)
        {
            return action;
        }
        if (db.Entry(entry).State == EntityState.Added)
        {
            db.Entry(entry).State = EntityState.Detached;
        }
        return "failed";
    }

    private static bool IsSelf(HttpContext http, AppUser user) => http.User.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id;

    private static async Task<bool> IsLastAdminAsync(UserManager<AppUser> users, AppUser user) =>
        await users.IsInRoleAsync(user, Roles.Admin) && !(await users.GetUsersInRoleAsync(Roles.Admin)).Any(u => u.Id != user.Id && !IsErased(u));
}
