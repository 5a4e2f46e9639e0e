using System.Data.Common;
using System.Runtime.CompilerServices;
using ELearning.Theming;
using ELearning.Web.Accounts;
using ELearning.Web.Storage;
using ELearning.Web.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ELearning.Web.Certificates;

/// <summary>
/// Mails "certificate issued" for every certificate <see cref="CertificateIssuing.IssueDueAsync"/> inserts, once the
/// transaction that inserted it has committed: a rolled-back completion mails nothing, and a mail that fails (template,
/// SMTP) is logged and never undoes or fails the completion. Hooking the commit itself (EF's transaction interceptor)
/// covers every issuing path at once: a lesson completion, a passing submission (also the one that closes an attempt
/// on save or start), a trainer's grade override and the overdue-attempt loop, and any added later.
/// The mail is sent inline after the commit (the learner's redirect waits for a slow SMTP server; the pickup folder is
/// instant); a crash between the commit and the send loses the mail, never the certificate, which /me lists anyway.
/// </summary>
internal sealed class CertificateMails(
    IServiceProvider services, PublicUrls urls, IHttpContextAccessor http, ILogger<CertificateMails> logger) : DbTransactionInterceptor
{
    // Certificates waiting for their transaction's commit, per context (pooled contexts are reused: the transaction id
    // tells a leftover of a rolled-back transaction from the current one).
    private static readonly ConditionalWeakTable<DbContext, Pending> Waiting = [];

    private sealed record Pending(Guid TransactionId, List<IssuedMail> Mails);

    /// <summary>A certificate to announce, with what the mail needs, read while issuing (the holder's address).</summary>
    internal sealed record IssuedMail(string To, string HolderName, string Title, string Code);

    /// <summary>Called by the issuer, inside the transaction, for the certificates it inserted.</summary>
    public static void AfterCommit(AppDbContext db, IEnumerable<IssuedMail> mails)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
        {
            // IssueDueAsync is always called inside the completing write's transaction; without one there is no commit to wait for.
            return;
        }
        if (!Waiting.TryGetValue(db, out var pending) || pending.TransactionId != transaction.TransactionId)
        {
            pending = new Pending(transaction.TransactionId, []);
            Waiting.AddOrUpdate(db, pending);
        }
        pending.Mails.AddRange(mails);
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData) is { } mails)
        {
            await SendAsync(mails);
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (Take(eventData) is { } mails)
        {
            // A synchronous commit (none in the app today) must not block on a mail server: sent in the background.
            _ = Task.Run(() => SendAsync(mails), CancellationToken.None);
        }
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Take(eventData);

    private static List<IssuedMail>? Take(TransactionEndEventData eventData)
    {
        if (eventData.Context is not { } context || !Waiting.TryGetValue(context, out var pending) || pending.TransactionId != eventData.TransactionId)
        {
            return null;
        }
        Waiting.Remove(context);
        return pending.Mails.Count > 0 ? pending.Mails : null;
    }

    /// <summary>Sends each mail on its own; none of them may throw into the completion that committed.</summary>
    internal async Task SendAsync(IReadOnlyList<IssuedMail> mails)
    {
        // Without App:PublicUrl, links are made from the request's loopback address; the overdue loop has no request.
        var request = http.HttpContext?.Request;
        foreach (var mail in mails)
        {
            try
            {
                var dashboard = urls.Absolute(request, "/me");
                var verification = urls.Absolute(request, CertificateUrls.Public(mail.Code));
                if (dashboard is null || verification is null)
                {
                    logger.LogWarning("Certificate {Code} issued; its mail to {Recipient} not sent: set App:PublicUrl so mails can link to the site.", mail.Code, mail.To);
                    continue;
                }
                await services.GetRequiredService<Mails>().SendCertificateIssuedAsync(mail.To,
                    new CertificateIssuedMail(mail.HolderName, mail.Title, dashboard.AbsoluteUri, verification.AbsoluteUri));
            }
            catch (Exception e)
            {
                logger.LogError(e, "Certificate {Code} issued; its mail to {Recipient} could not be sent.", mail.Code, mail.To);
            }
        }
    }
}

internal static class CertificateMailsExtensions
{
    /// <summary>The "certificate issued" mail, sent when the issuing transaction commits (web app only: the CLI has no theme).</summary>
    public static IServiceCollection AddCertificateMails(this IServiceCollection services)
    {
        services.AddSingleton<CertificateMails>();
        services.ConfigureDbContext<AppDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<CertificateMails>()));
        return services;
    }
}
