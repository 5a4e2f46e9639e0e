using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ELearning.Web.Accounts;

/// <summary>
/// Makes every failed sign-in cost the same, so timing reveals neither whether an account exists nor whether it is
/// locked. Each failure verifies one PBKDF2 hash with the app's own settings (210,000 iterations): the account's real
/// hash, or, for an unknown email, <see cref="UnknownUserHash"/>. A wrong password on an existing account also commits
/// the failed-attempt counter (one fsync); the other failures wait until they have taken the median time of recent wrong-password failures, measured on
/// this server, so the three medians match (tests/load, phase signin).
/// </summary>
internal sealed class SignInTiming(IOptions<PasswordHasherOptions> options)
{
    private readonly Lazy<string> _hash = new(() =>
        new PasswordHasher<AppUser>(options).HashPassword(new AppUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));

    // The last wrong-password durations; their median, not their mean, so one slow fsync does not slow every padding.
    private readonly long[] _recent = new long[31];
    private int _count;

    /// <summary>A hash of a random secret made with the app's hasher settings, for when there is no real hash to check.</summary>
    public string UnknownUserHash => _hash.Value;

    /// <summary>Records how long a wrong-password failure took (lookup, hash and counter).</summary>
    public void RecordWrongPassword(long startTimestamp)
    {
        var ticks = Stopwatch.GetElapsedTime(startTimestamp).Ticks;
        lock (_recent)
        {
            _recent[_count++ % _recent.Length] = ticks;
        }
    }

    /// <summary>Waits until this failure has taken as long as a wrong-password failure typically does here.</summary>
    public Task PadAsync(long startTimestamp, CancellationToken cancellationToken)
    {
        long median;
        lock (_recent)
        {
            var filled = Math.Min(_count, _recent.Length);
            if (filled == 0)
            {
                return Task.CompletedTask;
            }
            var sorted = _recent[..filled];
            Array.Sort(sorted);
            median = sorted[filled / 2];
        }
        var remaining = TimeSpan.FromTicks(median) - Stopwatch.GetElapsedTime(startTimestamp);
        return remaining > TimeSpan.Zero ? Task.Delay(remaining, cancellationToken) : Task.CompletedTask;
    }
}
