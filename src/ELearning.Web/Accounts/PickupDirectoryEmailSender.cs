using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using ELearning.Web.Storage;
using ELearning.Web.Templates;
using Microsoft.Extensions.Options;

namespace ELearning.Web.Accounts;

/// <summary>
/// The default mode needs no mail server: messages are written as .eml files to <c>{DataDirectory}/mail</c>, where an
/// operator (or the host's mail relay, watching the folder) picks them up. What to send is rendered by
/// <see cref="Mails"/> from the theme's templates.
/// </summary>
internal sealed class PickupDirectoryEmailSender(IOptions<StorageOptions> storage, ILogger<PickupDirectoryEmailSender> logger)
{
    public async Task SendAsync(string to, RenderedMail mail)
    {
        var folder = Path.Combine(storage.Value.FullDataDirectory, "mail");
        Directory.CreateDirectory(folder);
        // UTF-8 sent as 8bit, not quoted-printable: links stay on one line, readable for an operator opening the file.
        using var message = new MailMessage("no-reply@elearning.local", to, mail.Subject, mail.Text)
        {
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.EightBit,
        };
        if (mail.Html.Length > 0)
        {
            var html = AlternateView.CreateAlternateViewFromString(mail.Html, Encoding.UTF8, MediaTypeNames.Text.Html);
            html.TransferEncoding = TransferEncoding.EightBit;
            message.AlternateViews.Add(html);
        }
        using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
        await client.SendMailAsync(message);
        logger.LogInformation("Mail to {Recipient} written to {Folder}", to, folder);
    }
}
