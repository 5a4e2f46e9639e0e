using System.CommandLine;
using ELearning.Web.Accounts;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ELearning.Cli;

/// <summary><c>elearn users add</c>: creates an account directly in the database, e.g. the first administrator.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The account's email (also its user name).", Required = true };
        var role = new Option<string>("--role") { Description = "learner, trainer or admin.", DefaultValueFactory = _ => "learner" };
        role.AcceptOnlyFromAmong("learner", "trainer", "admin");
        var password = new Option<string?>("--password") { Description = "The password; prompted for when omitted." };
        var name = new Option<string?>("--display-name") { Description = "Name shown in the app; defaults to the email's local part." };
        var dataDirectory = new Option<string?>("--data-dir") { Description = "Overrides Storage:DataDirectory (default ./data)." };

        var add = new Command("add", "Create an account with a role.") { email, role, password, name, dataDirectory };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var secret = parse.GetValue(password) ?? ReadPassword();
            return await AddAsync(parse.GetValue(email)!, parse.GetValue(role)!, secret, parse.GetValue(name), parse.GetValue(dataDirectory), cancellationToken);
        });
        return new Command("users", "Manage accounts.") { add };
    }

    private static async Task<int> AddAsync(string email, string role, string password, string? displayName, string? dataDirectory, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(dataDirectory is null ? [] : [new("Storage:DataDirectory", dataDirectory)])
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning))
            .AddStorage();
        services.AddAccountStores();
        await using var provider = services.BuildServiceProvider();
        await provider.MigrateDatabaseAsync(cancellationToken);
        await provider.EnsureRolesAsync();

        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roleName = Roles.All.Single(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim(),
            RegisteredAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Description}");
            }
            return 1;
        }
        // Every account can take courses; trainers and admins additionally get their role.
        await users.AddToRoleAsync(user, Roles.Learner);
        if (roleName != Roles.Learner)
        {
            await users.AddToRoleAsync(user, roleName);
        }
        Console.WriteLine($"Created {roleName.ToLowerInvariant()} {email}.");
        return 0;
    }

    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? "";
        }
        Console.Write("Password: ");
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return new string([.. chars]);
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (chars.Count > 0)
                {
                    chars.RemoveAt(chars.Count - 1);
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }
    }
}
