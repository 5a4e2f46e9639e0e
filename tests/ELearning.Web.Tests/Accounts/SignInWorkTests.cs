using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using ELearning.Web.Accounts;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ELearning.Web.Tests.Accounts;

/// <summary>
/// Timing itself is measured in tests/load (phase signin); here, the cause of equal timing: every sign-in path
/// verifies exactly one PBKDF2 hash with the iteration count of real hashes.
/// </summary>
public sealed class SignInWorkTests
{
    private sealed class CountingHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new(options);

        public static ConcurrentQueue<int> Verified { get; } = new();

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            // Identity v3 format: marker byte, PRF (4 bytes), iteration count (4 bytes, big-endian), …
            Verified.Enqueue((int)BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hashedPassword).AsSpan(5, 4)));
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static async Task<List<int>> IterationsVerifiedByAsync(TestClient browser, string email, string password)
    {
        CountingHasher.Verified.Clear();
        using var response = await browser.LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. CountingHasher.Verified];
    }

    [Fact]
    public async Task WrongPasswordUnknownEmailAndLockedAccountEachVerifyOneHashOfTheRealIterationCount()
    {
        using var app = new TestApp(services: s => s.AddScoped<IPasswordHasher<AppUser>, CountingHasher>());
        using var browser = app.CreateBrowser();
        await browser.RegisterAsync("ana@example.eu", TestData.Password);
        await browser.RegisterAsync("ben@example.eu", TestData.Password);
        for (var i = 0; i < 5; i++)
        {
            using var _ = await browser.LoginAsync("ben@example.eu", "wrong guess " + i);
        }

        var wrong = await IterationsVerifiedByAsync(browser, "ana@example.eu", "a wrong password");
        var unknown = await IterationsVerifiedByAsync(browser, "nobody@example.eu", "a wrong password");
        var locked = await IterationsVerifiedByAsync(browser, "ben@example.eu", "a wrong password");

        Assert.Equal([210_000], wrong);
        Assert.Equal(wrong, unknown);
        Assert.Equal(wrong, locked);
    }
}
