using System.Dynamic;
using ELearning.Theming;
using ELearning.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ELearning.Web.Templates;

/// <summary>A mail ready to send: subject, HTML and the same words as plain text.</summary>
internal sealed record RenderedMail(string Subject, string Html, string Text);

/// <summary>
/// Every mail the app sends, one method each, rendered from the theme's templates (<c>password-reset.cshtml</c>,
/// <c>invitation.cshtml</c>, <c>certificate-issued.cshtml</c>) and handed to the sender. A mail whose link is not under
/// <c>App:PublicUrl</c> (or loopback while it is unset) is never sent. Also Identity's mail sender, so its password reset
/// goes through the template.
/// </summary>
internal sealed class Mails(ThemeTemplates templates, IMailSender sender, PublicUrls urls, ILogger<Mails> logger)
    : IEmailSender<AppUser>
{
    public Task SendPasswordResetAsync(string to, PasswordResetMail model) =>
        SendAsync(to, "password-reset", model, model.ResetLink);

    /// <summary>An invitation to join a cohort (the cohort feature builds the join link with <see cref="PublicUrls"/>).</summary>
    public Task SendInvitationAsync(string to, InvitationMail model) =>
        SendAsync(to, "invitation", model, model.JoinLink);

    public Task SendCertificateIssuedAsync(string to, CertificateIssuedMail model) =>
        SendAsync(to, "certificate-issued", model, model.DashboardLink, model.PublicLink);

    /// <summary>Renders a mail template; the subject is what the template sets in <c>ViewBag.Subject</c>.</summary>
    public async Task<RenderedMail> RenderAsync<TModel>(string template, TModel model)
    {
        var bag = new ExpandoObject();
        var html = await templates.RenderAsync(template, model, bag);
        var subject = ((IDictionary<string, object?>)bag).TryGetValue("Subject", out var value) && value?.ToString() is { Length: > 0 } text
            ? text.ReplaceLineEndings(" ").Trim()
            : "ELearning";
        return new RenderedMail(subject, html, MailText.FromHtml(html));
    }

    private async Task SendAsync<TModel>(string to, string template, TModel model, params string[] links)
    {
        if (links.FirstOrDefault(l => !urls.MayLinkTo(l)) is { } refused)
        {
            // A second guard behind PublicUrls: a link to any other host is never mailed.
            logger.LogError("Mail {Template} to {Recipient} not sent: its link {Link} is not under App:PublicUrl (or loopback while unset).", template, to, refused);
            return;
        }
        var mail = await RenderAsync(template, model);
        await sender.SendAsync(new OutgoingMail(to, mail.Subject, mail.Text, mail.Html));
    }

    Task IEmailSender<AppUser>.SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        SendPasswordResetAsync(email, new PasswordResetMail(string.IsNullOrWhiteSpace(user.DisplayName) ? email : user.DisplayName, resetLink));

    Task IEmailSender<AppUser>.SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        urls.MayLinkTo(confirmationLink)
            ? sender.SendAsync(new OutgoingMail(email, "Confirm your ELearning account", $"Confirm your account by opening this link:\n\n{confirmationLink}\n"))
            : Task.CompletedTask;

    Task IEmailSender<AppUser>.SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        sender.SendAsync(new OutgoingMail(email, "Reset your ELearning password", $"Your password reset code: {resetCode}\n"));
}
