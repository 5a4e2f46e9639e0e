using System.Net;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Accounts;

/// <summary>A training room shares one address: the room gets in, guessing at one account does not.</summary>
public sealed class ClassroomRateLimitTests
{
    [Fact]
    public async Task FortyLearnersBehindOneAddressRegisterAndSignInWithoutBeingTurnedAway()
    {
        using var app = new TestApp();
        for (var i = 0; i < 40; i++)
        {
            // Every browser is a separate learner; the test server gives them all the same client address.
            using var browser = app.CreateBrowser();
            await browser.RegisterAsync($"learner{i}@example.eu", TestData.Password, $"Learner {i}");
            using var login = await browser.LoginAsync($"learner{i}@example.eu", TestData.Password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }
    }

    [Fact]
    public async Task TheEleventhQuickSignInForOneEmailIsRefusedWhileAnotherEmailFromTheSameAddressStillSignsIn()
    {
        using var app = new TestApp();
        await app.CreateUserAsync("ana@example.eu", TestData.Password);
        await app.CreateUserAsync("bob@example.eu", TestData.Password);
        using var attacker = app.CreateBrowser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            // Case and surrounding spaces do not make a new email: Identity would find the same account.
            var email = i % 2 == 0 ? "ana@example.eu" : " ANA@Example.EU ";
            using var response = await attacker.LoginAsync(email, "wrong guess number " + i);
            statuses.Add(response.StatusCode);
        }
        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);

        using var colleague = app.CreateBrowser();
        using var login = await colleague.LoginAsync("bob@example.eu", TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var me = await colleague.Http.GetAsync("/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task RepeatingTheEmailFieldDoesNotEscapeThePerEmailLimit()
    {
        using var app = new TestApp();
        await app.CreateUserAsync("ana@example.eu", TestData.Password);
        using var attacker = app.CreateBrowser();

        // A browser never sends the field twice; varying a second copy must not open a fresh limit for every guess.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var response = await attacker.SubmitAsync("/Account/Login", TestClient.FormNamed("login"),
            [
                new("Input.Email", "ana@example.eu"), new("Input.Email", $"decoy{i}@example.eu"), new("Input.Password", "wrong guess " + i),
            ]);
            statuses.Add(response.StatusCode);
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }
}
