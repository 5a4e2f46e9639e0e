using System.CommandLine;
using System.Globalization;
using ELearning.Web.Accounts;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Cli;

/// <summary>
/// <c>elearn users add|list|role|lock|unlock</c>: accounts managed directly in the database, e.g. the first administrator.
/// Changes go through Identity's UserManager (the app's password policy; a role change or a lock ends the user's
/// sessions, which a running app notices within <c>Accounts:SessionRecheckSeconds</c>).
/// </summary>
internal static class UsersCommand
{
    private static readonly string[] RoleNames = ["learner", "trainer", "admin"];

    public static Command Create()
    {
        var dataDirectory = CliServices.DataDirectoryOption();
        return new Command("users", "Manage accounts: add, list, change roles, lock, unlock, reset two-step sign-in.")
        {
            Add(dataDirectory),
            List(dataDirectory),
            Role(dataDirectory),
            Lock(dataDirectory),
            Unlock(dataDirectory),
            ResetTwoFactor(dataDirectory),
        };
    }

    private static Option<string> EmailOption() =>
        new("--email") { Description = "The account's email (also its user name).", Required = true };

    private static Command Add(Option<string?> dataDirectory)
    {
        var email = EmailOption();
        var role = new Option<string>("--role") { Description = "learner, trainer or admin. Trainers and admins set up two-step sign-in at their first sign-in.", DefaultValueFactory = _ => "learner" };
        role.AcceptOnlyFromAmong(RoleNames);
        var password = new Option<string?>("--password") { Description = "The password; prompted for when omitted (read from standard input when it is redirected)." };
        var name = new Option<string?>("--display-name") { Description = "Name shown in the app; defaults to the email's local part." };
        var add = new Command("add", "Create an account with a role.") { email, role, password, name, dataDirectory };
        add.SetAction(async (parse, cancellationToken) =>
        {
            // Prompt first: nothing below (database, migrations) should keep the operator waiting at an empty prompt.
            var secret = parse.GetValue(password) ?? ReadPassword();
            return await AddAsync(parse.GetValue(email)!, parse.GetValue(role)!, secret, parse.GetValue(name), parse.GetValue(dataDirectory), cancellationToken);
        });
        return add;
    }

    private static Command List(Option<string?> dataDirectory)
    {
        var role = new Option<string?>("--role") { Description = "Only accounts with this role." };
        role.AcceptOnlyFromAmong(RoleNames);
        var list = new Command("list", "List accounts: email, name, roles, two-step sign-in, lock, registration date (tab-separated).") { role, dataDirectory };
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var provider = await CliServices.OpenAsync(parse.GetValue(dataDirectory), cancellationToken);
            await using var scope = provider.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var filter = parse.GetValue(role);
            IList<AppUser> accounts = filter is null
                ? await users.Users.OrderBy(u => u.Email).ToListAsync(cancellationToken)
                : [.. (await users.GetUsersInRoleAsync(RoleName(filter))).OrderBy(u => u.Email, StringComparer.Ordinal)];
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine("email\tname\troles\ttwo-step\tlocked\tregistered");
            var now = DateTimeOffset.UtcNow;
            foreach (var user in accounts)
            {
                var roles = string.Join(",", (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).Select(r => r.ToLowerInvariant()));
                var locked = user.LockoutEnd is { } end && end > now
                    ? end == DateTimeOffset.MaxValue ? "locked" : "until " + end.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
                    : "-";
                output.WriteLine(string.Join('\t', user.Email, user.DisplayName, roles, user.TwoFactorEnabled ? "on" : "off", locked,
                    user.RegisteredAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
            return 0;
        });
        return list;
    }

    private static Command Role(Option<string?> dataDirectory)
    {
        var email = EmailOption();
        var grant = new Option<string[]>("--add") { Description = "Roles to grant (learner, trainer, admin).", AllowMultipleArgumentsPerToken = true };
        var revoke = new Option<string[]>("--remove") { Description = "Roles to take away.", AllowMultipleArgumentsPerToken = true };
        grant.AcceptOnlyFromAmong(RoleNames);
        revoke.AcceptOnlyFromAmong(RoleNames);
        var command = new Command("role", "Grant or take away roles; the account's sessions end (a new trainer or admin then sets up two-step sign-in).")
        {
            email, grant, revoke, dataDirectory,
        };
        command.SetAction((parse, cancellationToken) => WithUserAsync(parse, email, dataDirectory, async (users, user, output, services) =>
        {
            var current = await users.GetRolesAsync(user);
            var add = (parse.GetValue(grant) ?? []).Select(RoleName).Distinct().Where(r => !current.Contains(r)).ToList();
            var remove = (parse.GetValue(revoke) ?? []).Select(RoleName).Distinct().Where(current.Contains).ToList();
            if (add.Count > 0 && !Report(await users.AddToRolesAsync(user, add)))
            {
                return 1;
            }
            if (remove.Count > 0 && !Report(await users.RemoveFromRolesAsync(user, remove)))
            {
                return 1;
            }
            var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).Select(r => r.ToLowerInvariant());
            output.WriteLine($"{user.Email}: {string.Join(", ", roles)}.");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Lock(Option<string?> dataDirectory)
    {
        var email = EmailOption();
        var until = new Option<DateTimeOffset?>("--until") { Description = "Lock until this date or time (e.g. 2027-01-31); locked until unlocked when omitted." };
        var command = new Command("lock", "Lock an account: it cannot sign in, and its sessions end.") { email, until, dataDirectory };
        command.SetAction((parse, cancellationToken) => WithUserAsync(parse, email, dataDirectory, async (users, user, output, services) =>
        {
            var end = parse.GetValue(until) ?? DateTimeOffset.MaxValue;
            if (end <= DateTimeOffset.UtcNow)
            {
                parse.InvocationConfiguration.Error.WriteLine("error: --until must be in the future.");
                return 2;
            }
            // An account created with lockout disabled could not be locked at all otherwise.
            if (!Report(await users.SetLockoutEnabledAsync(user, true)) || !Report(await users.SetLockoutEndDateAsync(user, end)))
            {
                return 1;
            }
            output.WriteLine(end == DateTimeOffset.MaxValue
                ? $"Locked {user.Email}."
                : $"Locked {user.Email} until {end.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}.");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Unlock(Option<string?> dataDirectory)
    {
        var email = EmailOption();
        var command = new Command("unlock", "Unlock an account (an administrator's lock or a lockout after failed sign-ins).") { email, dataDirectory };
        command.SetAction((parse, cancellationToken) => WithUserAsync(parse, email, dataDirectory, async (users, user, output, services) =>
        {
            if (!Report(await users.SetLockoutEndDateAsync(user, null)) || !Report(await users.ResetAccessFailedCountAsync(user)))
            {
                return 1;
            }
            output.WriteLine($"Unlocked {user.Email}.");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command ResetTwoFactor(Option<string?> dataDirectory)
    {
        var email = EmailOption();
        var command = new Command("reset-two-factor",
            "Turn two-step sign-in off and forget the authenticator key, recovery codes and passkeys (a lost phone); the account's sessions end.")
        {
            email, dataDirectory,
        };
        command.SetAction((parse, cancellationToken) => WithUserAsync(parse, email, dataDirectory, async (users, user, output, services) =>
        {
            if (!Report(await users.SetTwoFactorEnabledAsync(user, false)) || !Report(await users.ResetAuthenticatorKeyAsync(user))
                || (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0)) is null)
            {
                return 1;
            }
            // A passkey is a second factor too (a trainer's only one, perhaps, on the lost device): it goes as well.
            foreach (var passkey in await users.GetPasskeysAsync(user))
            {
                if (!Report(await users.RemovePasskeyAsync(user, passkey.CredentialId)))
                {
                    return 1;
                }
            }
            // Whoever holds a session (perhaps with the lost phone) signs in again, and a trainer or admin enrols anew.
            await Sessions.DeleteAllAsync(services.GetRequiredService<AppDbContext>(), user.Id, cancellationToken);
            output.WriteLine($"Two-step sign-in is off for {user.Email}; it is set up again at the next sign-in where the role requires it.");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static async Task<int> WithUserAsync(
        ParseResult parse, Option<string> email, Option<string?> dataDirectory,
        Func<UserManager<AppUser>, AppUser, TextWriter, IServiceProvider, Task<int>> action, CancellationToken cancellationToken)
    {
        await using var provider = await CliServices.OpenAsync(parse.GetValue(dataDirectory), cancellationToken);
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var address = parse.GetValue(email)!;
        if (await users.FindByEmailAsync(address.Trim()) is not { } user)
        {
            parse.InvocationConfiguration.Error.WriteLine($"error: no account with the email {address}.");
            return 2;
        }
        return await action(users, user, parse.InvocationConfiguration.Output, scope.ServiceProvider);
    }

    private static string RoleName(string role) => Roles.All.Single(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));

    private static bool Report(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine($"error: {error.Description}");
        }
        return result.Succeeded;
    }

    private static async Task<int> AddAsync(string email, string role, string password, string? displayName, string? dataDirectory, CancellationToken cancellationToken)
    {
        await using var provider = await CliServices.OpenAsync(dataDirectory, cancellationToken);
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roleName = RoleName(role);
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim(),
            RegisteredAt = DateTime.UtcNow,
        };
        if (!Report(await users.CreateAsync(user, password)))
        {
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
