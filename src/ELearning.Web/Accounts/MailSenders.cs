using System.Net.Mail;
using System.Net.Mime;
using ELearning.Web.Storage;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ELearning.Web.Accounts;

/// <summary>A mail the app sends: plain text, and HTML when there is a richer version.</summary>
internal sealed record OutgoingMail(string To, string Subject, string Text, string? Html = null);

/// <summary>
/// How mail leaves the app: the pickup folder by default, SMTP (MailKit) when <c>Email:Smtp:Host</c> is set. Two
/// implementations exist today, so this is an interface.
/// </summary>
internal interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

internal enum SmtpTls
{
    /// <summary>MailKit decides from the port: TLS on connect for 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,
    StartTls,
    SslOnConnect,

    /// <summary>No TLS at all: only for a relay on the same machine.</summary>
    None,
}

internal sealed class SmtpOptions
{
    public const string Section = "Email:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public SmtpTls Tls { get; set; } = SmtpTls.Auto;
    public string From { get; set; } = "no-reply@elearning.local";
}

/// <summary>Writes each mail as an <c>.eml</c> file to <c>{DataDirectory}/mail</c>, for an operator or a relay watching the folder.</summary>
internal sealed class PickupDirectoryMailSender(IOptions<StorageOptions> storage, ILogger<PickupDirectoryMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(storage.Value.FullDataDirectory, "mail");
        Directory.CreateDirectory(folder);
        // Plain 7-bit text (the bodies are ASCII) keeps the links readable for an operator opening the file.
        using var message = new MailMessage("no-reply@elearning.local", mail.To, mail.Subject, mail.Text) { BodyTransferEncoding = TransferEncoding.SevenBit };
        if (mail.Html is not null)
        {
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(mail.Html, System.Text.Encoding.UTF8, MediaTypeNames.Text.Html));
        }
        using var client = new System.Net.Mail.SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
        await client.SendMailAsync(message, cancellationToken);
        logger.LogInformation("Mail to {Recipient} written to {Folder}", mail.To, folder);
    }
}

/// <summary>Sends over SMTP with MailKit (one connection per mail: invitations and resets are rare).</summary>
internal sealed class SmtpMailSender(IOptions<SmtpOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();

        using var client = new MailKit.Net.Smtp.SmtpClient();
        await client.ConnectAsync(smtp.Host ?? "", smtp.Port, smtp.Tls switch
        {
            SmtpTls.StartTls => SecureSocketOptions.StartTls,
            SmtpTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpTls.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.Auto,
        }, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Mail to {Recipient} sent through {Host}", mail.To, smtp.Host);
    }
}

internal static class MailSenders
{
    /// <summary>SMTP when <c>Email:Smtp:Host</c> is set, the pickup folder otherwise.</summary>
    public static IServiceCollection AddMailSender(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.Host) || MailboxAddress.TryParse(o.From, out _), "Email:Smtp:From must be a mail address.")
            .Validate(o => o.Port is > 0 and < 65536, "Email:Smtp:Port must be a port number.")
            .ValidateOnStart();
        if (string.IsNullOrWhiteSpace(configuration[$"{SmtpOptions.Section}:Host"]))
        {
            services.AddSingleton<IMailSender, PickupDirectoryMailSender>();
        }
        else
        {
            services.AddSingleton<IMailSender, SmtpMailSender>();
        }
        return services;
    }
}
