using ELearning.Content.Catalog;
using ELearning.Content.Learners;
using ELearning.Web.Assessments;
using ELearning.Web.Trainers;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Certificates;

/// <summary>
/// Issues the certificates a completion makes due, inside the caller's transaction: the completing write (a lesson
/// completion, a graded submission) and its certificates commit together. Which rules are due is decided by
/// <see cref="LearnerRecord.CertificatesDue"/>; this class only loads the record and writes rows.
/// </summary>
internal static class CertificateIssuing
{
    /// <summary>
    /// Status-list positions are drawn at random from this range: the W3C Bitstring Status List asks for random positions
    /// (a position must not tell when, or in which order, certificates were issued) and a list of at least 131,072 entries
    /// (16 KB) for group privacy. A random draw also needs no max+1 read, which would make parallel issuers on several
    /// instances collide every time; a collision (checked first, then caught by the unique index) just draws again.
    /// </summary>
    public const int StatusListSize = 131_072;

    private const int MaxTries = 8;

    /// <summary>Whether the course or one of its modules issues certificates at all (else completions skip this).</summary>
    public static bool Applies(Course course) => course.Certificate is not null || course.Modules.Any(m => m.Certificate is not null);

    /// <summary>
    /// Issues every certificate of <paramref name="course"/> due now for the learner; returns those this call inserted.
    /// Call it inside the transaction of the completing write, after that write.
    /// </summary>
    public static async Task<IReadOnlyList<Certificate>> IssueDueAsync(AppDbContext db, Course course, string userId, DateTime now, CancellationToken cancel)
    {
        if (!Applies(course))
        {
            return [];
        }
        var lessons = await db.LessonProgress.AsNoTracking()
            .Where(p => p.UserId == userId && p.CourseSlug == course.Slug)
            .Select(p => new LessonMark(p.CourseSlug, p.ModuleSlug, p.LessonSlug, p.FirstOpenedAt, p.LastOpenedAt, p.CompletedAt))
            .ToListAsync(cancel);
        // Only graded attempts count: a pre-test or a trainer's trial never earns a certificate.
        var attempts = await db.AssessmentAttempts.AsNoTracking()
            .Where(a => a.UserId == userId && a.CourseSlug == course.Slug && a.Kind == AttemptKind.Graded)
            .ToListAsync(cancel);
        var issued = await db.Certificates.AsNoTracking()
            .Where(c => c.UserId == userId && c.CourseSlug == course.Slug)
            .Select(c => new IssuedMark(c.CourseSlug, c.ModuleSlug, c.Round, c.IssuedAt, c.ExpiresAt, c.RevokedAt != null))
            .ToListAsync(cancel);
        // A trainer's grade override counts like a pass (Trainers/AllowanceGrant).
        var grants = await db.AllowanceGrants.AsNoTracking()
            .Where(g => g.UserId == userId && g.CourseSlug == course.Slug)
            .ToListAsync(cancel);
        var due = new LearnerRecord(lessons, attempts.Select(a => a.Mark()), AllowanceGrant.FoldAll(grants)).CertificatesDue(course, issued, now);
        if (due.Count == 0)
        {
            return [];
        }
        var holder = await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).FirstAsync(cancel);
        var inserted = new List<Certificate>();
        foreach (var certificate in due.Select(d => New(userId, holder.DisplayName, d, now)))
        {
            if (await TryInsertAsync(db, certificate, cancel))
            {
                inserted.Add(certificate);
            }
        }
        if (holder.Email is { Length: > 0 } email)
        {
            // Mailed once the caller's transaction commits (CertificateMails), never before and never on a rollback.
            CertificateMails.AfterCommit(db, inserted.Select(c => new CertificateMails.IssuedMail(email, c.HolderName, c.Title, c.Code)));
        }
        return inserted;
    }

    /// <summary>A new row for a due rule: the holder's name and the rule's texts are copied in.</summary>
    public static Certificate New(string userId, string holderName, CertificateDue due, DateTime now)
    {
        var rule = due.Rule;
        return new Certificate
        {
            UserId = userId,
            CourseSlug = due.Course,
            ModuleSlug = due.Module,
            Round = due.Round,
            HolderName = Cut(holderName),
            Title = Cut(rule.Title),
            Hours = rule.Hours,
            ScorePercent = due.ScorePercent,
            IssuerName = Cut(rule.IssuerName),
            IssuerAddress = rule.IssuerAddress is null ? null : Cut(rule.IssuerAddress),
            SignatoryName = rule.SignatoryName is null ? null : Cut(rule.SignatoryName),
            SignatoryRole = rule.SignatoryRole is null ? null : Cut(rule.SignatoryRole),
            SignatureImage = rule.SignatureImage is null ? null : Cut(rule.SignatureImage),
            CompletedAt = due.CompletedAt,
            IssuedAt = now,
            ExpiresAt = rule.ValidForMonths is { } months ? now.AddMonths(months) : null,
        };
    }

    /// <summary>
    /// Inserts the certificate with a fresh code and status position. False when the same learner, rule and round is
    /// already there (a parallel completion issued it first). Inside a transaction EF saves behind a savepoint, so a
    /// refused insert rolls back only itself: the completing write in the same transaction is kept.
    /// </summary>
    public static async Task<bool> TryInsertAsync(AppDbContext db, Certificate certificate, CancellationToken cancel)
    {
        for (var attempt = 1; ; attempt++)
        {
            certificate.Code = CertificateCodes.New();
            certificate.StatusIndex = await FreeStatusIndexAsync(db, cancel);
            db.Certificates.Add(certificate);
            try
            {
                await db.SaveChangesAsync(cancel);
                return true;
            }
            catch (DbUpdateException) when (attempt < MaxTries)
            {
                db.Entry(certificate).State = EntityState.Detached;
                var exists = await db.Certificates.AsNoTracking().AnyAsync(c =>
                    c.UserId == certificate.UserId && c.CourseSlug == certificate.CourseSlug
                    && c.ModuleSlug == certificate.ModuleSlug && c.Round == certificate.Round, cancel);
                if (exists)
                {
                    return false;
                }
                // Otherwise the code or the status position was taken meanwhile: draw again.
            }
        }
    }

    private static async Task<int> FreeStatusIndexAsync(AppDbContext db, CancellationToken cancel)
    {
        for (var draw = 0; draw < 256; draw++)
        {
            var index = System.Security.Cryptography.RandomNumberGenerator.GetInt32(StatusListSize);
            if (!await db.Certificates.AnyAsync(c => c.StatusIndex == index, cancel))
            {
                return index;
            }
        }
        // Only reachable when the list is nearly full (far beyond what one deployment issues).
        throw new InvalidOperationException($"No free certificate status position found among {StatusListSize}.");
    }

    private static string Cut(string text) => text.Length <= Certificate.TextLength ? text : text[..Certificate.TextLength];
}
