using Microsoft.AspNetCore.Identity;

namespace ELearning.Web.Accounts;

/// <summary>
/// Account mails. The default mode needs no mail server: messages are written as .eml files to <c>{DataDirectory}/mail</c>,
/// where an operator (or the host's mail relay, watching the folder) picks them up; with <c>Email:Smtp:Host</c> set they
/// go over SMTP instead (<see cref="IMailSender"/>).
/// </summary>
internal sealed class PickupDirectoryEmailSender(IMailSender mail, PublicUrls urls, ILogger<PickupDirectoryEmailSender> logger)
    : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        SendLinkAsync(confirmationLink, email, "Confirm your ELearning account", $"Confirm your account by opening this link:\n\n{confirmationLink}\n");

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        SendLinkAsync(resetLink, email, "Reset your ELearning password",
            $"Someone asked to reset the password of your ELearning account.\nIf it was you, open this link to choose a new password:\n\n{resetLink}\n\nIf it was not you, ignore this message.\n");

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        SendAsync(email, "Reset your ELearning password", $"Your password reset code: {resetCode}\n");

    /// <summary>A second guard behind <see cref="PublicUrls"/>: a link to any other host is never mailed.</summary>
    private Task SendLinkAsync(string link, string to, string subject, string body)
    {
        if (!urls.MayLinkTo(link))
        {
            logger.LogError("Mail to {Recipient} not sent: its link is not under App:PublicUrl (or loopback while unset).", to);
            return Task.CompletedTask;
        }
        return SendAsync(to, subject, body);
    }

    private Task SendAsync(string to, string subject, string body) => mail.SendAsync(new OutgoingMail(to, subject, body));
}
