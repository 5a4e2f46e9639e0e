using System.Security.Cryptography;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Cohorts;

internal enum JoinResult
{
    Joined,
    AlreadyMember,
    Unknown,
    Expired,
    UsedUp,
}

/// <summary>Making and redeeming invitation codes.</summary>
internal static class Invitations
{
    // No 0/O, 1/I/L: codes are read aloud and typed from a slide.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int GeneratedLength = 12;

    public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(14);

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, GeneratedLength);

    /// <summary>Codes are compared in upper case without spaces or dashes, however they were typed.</summary>
    public static string Normalize(string? code) =>
        new([.. (code ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).Take(Invitation.CodeLength)]);

    public static Invitation Create(AppDbContext db, int cohortId, int maxUses, DateTime expiresAt, string? email, string createdById, DateTime now)
    {
        var invitation = new Invitation
        {
            CohortId = cohortId,
            Code = NewCode(),
            Email = email,
            MaxUses = maxUses,
            CreatedAt = now,
            ExpiresAt = expiresAt,
            CreatedById = createdById,
        };
        db.Invitations.Add(invitation);
        return invitation;
    }

    /// <summary>The invitation behind a code and whether it can still be used; null when there is none.</summary>
    public static async Task<(Invitation? Invitation, JoinResult State)> FindAsync(AppDbContext db, string? code, DateTime now, CancellationToken cancellationToken)
    {
        var normalized = Normalize(code);
        var invitation = normalized.Length == 0 ? null : await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Code == normalized, cancellationToken);
        return (invitation, invitation is null ? JoinResult.Unknown
            : invitation.ExpiresAt <= now ? JoinResult.Expired
            : invitation.Uses >= invitation.MaxUses ? JoinResult.UsedUp
            : JoinResult.Joined);
    }

    /// <summary>
    /// Adds the learner to the code's cohort and uses up one use, in the caller's transaction if it has one. A learner
    /// already in the cohort uses nothing. The use is taken by one conditional UPDATE, so two learners racing for the
    /// last use cannot both get it.
    /// </summary>
    public static async Task<(JoinResult Result, Invitation? Invitation)> RedeemAsync(
        AppDbContext db, HttpContext http, string? code, string userId, DateTime now, CancellationToken cancellationToken)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var (invitation, state) = await FindAsync(db, code, now, cancellationToken);
        if (invitation is null)
        {
            return (JoinResult.Unknown, null);
        }
        if (await db.CohortMembers.AnyAsync(m => m.CohortId == invitation.CohortId && m.UserId == userId, cancellationToken))
        {
            return (JoinResult.AlreadyMember, invitation);
        }
        if (state != JoinResult.Joined)
        {
            return (state, invitation);
        }
        var taken = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.Uses < i.MaxUses && i.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Uses, i => i.Uses + 1), cancellationToken);
        if (taken == 0)
        {
            return (JoinResult.UsedUp, invitation);
        }
        db.CohortMembers.Add(new CohortMember { CohortId = invitation.CohortId, UserId = userId, JoinedAt = now });
        Audit.AuditLog.Add(db, http, "cohort.join", "cohort", invitation.CohortId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            details: "invitation " + invitation.Code, learnerId: userId);
        await db.SaveChangesAsync(cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
        return (JoinResult.Joined, invitation);
    }
}
