using System.Net;
using System.Net.Sockets;
using System.Text;
using ELearning.Web.Accounts;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ELearning.Web.Tests.Cohorts;

public sealed class MailSenderTests
{
    [Fact]
    public async Task TheSmtpSenderDeliversTextAndHtmlToAnSmtpServer()
    {
        using var server = new TinySmtpServer();
        var sender = new SmtpMailSender(
            Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Tls = SmtpTls.None, From = "training@example.org" }),
            NullLogger<SmtpMailSender>.Instance);

        await sender.SendAsync(new OutgoingMail("ana@example.eu", "Invitation: Poiana", "Join: https://learn.example.org/join/ABC", "<p>Join</p>"));

        var message = Assert.Single(await server.MessagesAsync(1));
        Assert.Equal("<training@example.org>", message.From);
        Assert.Equal(["<ana@example.eu>"], message.To);
        Assert.Contains("Subject: Invitation: Poiana", message.Data, StringComparison.Ordinal);
        Assert.Contains("multipart/alternative", message.Data, StringComparison.Ordinal);
        Assert.Contains("https://learn.example.org/join/ABC", message.Data, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePickupFolderIsTheDefaultAndAnSmtpHostSelectsSmtp()
    {
        using (var app = new TestApp())
        {
            Assert.IsType<PickupDirectoryMailSender>(app.Services.GetRequiredService<IMailSender>());
        }
        using var smtp = new TestApp(settings: new() { ["Email:Smtp:Host"] = "127.0.0.1" });
        Assert.IsType<SmtpMailSender>(smtp.Services.GetRequiredService<IMailSender>());
    }

    [Fact]
    public async Task AnInvitationGoesOverSmtpWhenAHostIsConfigured()
    {
        using var server = new TinySmtpServer();
        using var app = new TestApp(settings: new()
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Tls"] = "None",
        });
        using var trainer = await app.SignedInAsync("trainer@example.eu", "Trainer");
        var id = await app.CreateCohortAsync("Poiana", ["trainer@example.eu"]);

        using var added = await trainer.SubmitAsync($"/trainer/cohorts/{id}", TestClient.FormNamed("add-learner"), [new("email", "new@example.eu")]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var message = Assert.Single(await server.MessagesAsync(1));
        Assert.Equal(["<new@example.eu>"], message.To);
        Assert.Matches(@"https://localhost/join/[A-Z0-9]{12}", message.Data);
        Assert.False(Directory.Exists(Path.Combine(app.Directory.DataRoot, "mail")));
    }

    [Fact]
    public async Task AnUnreachableSmtpServerLeavesTheInvitationWithItsCodeOnThePage()
    {
        var port = TinySmtpServer.FreePort();
        using var app = new TestApp(settings: new()
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Tls"] = "None",
        });
        using var trainer = await app.SignedInAsync("trainer@example.eu", "Trainer");
        var id = await app.CreateCohortAsync("Poiana", ["trainer@example.eu"]);

        using var added = await trainer.SubmitAsync($"/trainer/cohorts/{id}", TestClient.FormNamed("add-learner"), [new("email", "new@example.eu")]);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var body = await added.Content.ReadAsStringAsync();
        Assert.Contains("could not be mailed", body, StringComparison.Ordinal);
        Assert.Contains("new@example.eu", body, StringComparison.Ordinal);
    }

    /// <summary>Enough of SMTP (RFC 5321) on 127.0.0.1 for one client at a time: no TLS, no authentication.</summary>
    private sealed class TinySmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<Received> _messages = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public TinySmtpServer()
        {
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        public async Task<List<Received>> MessagesAsync(int count)
        {
            for (var i = 0; i < 100; i++)
            {
                lock (_messages)
                {
                    if (_messages.Count >= count)
                    {
                        return [.. _messages];
                    }
                }
                await Task.Delay(50);
            }
            lock (_messages)
            {
                return [.. _messages];
            }
        }

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }
                using (client)
                {
                    await ConverseAsync(client.GetStream());
                }
            }
        }

        private async Task ConverseAsync(NetworkStream stream)
        {
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost ESMTP test");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                    case "RSET":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "MAIL":
                        from = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0];
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }
                        lock (_messages)
                        {
                            _messages.Add(new Received(from ?? "", [.. to], data.ToString()));
                        }
                        to.Clear();
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The loop ends with the listener.
            }
            _stop.Dispose();
        }
    }

    private sealed record Received(string From, List<string> To, string Data);
}
