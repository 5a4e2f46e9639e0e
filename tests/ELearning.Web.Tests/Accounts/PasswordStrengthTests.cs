using ELearning.Web.Accounts;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Accounts;

public sealed class PasswordStrengthTests
{
    private static async Task<string> RegisterWithAsync(string password)
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        using var response = await browser.SubmitAsync("/Account/Register", TestClient.FormNamed("register"),
        [
            new("Input.Email", "ana.popescu@example.eu"), new("Input.DisplayName", "Ana Popescu"), new("Input.Country", "RO"),
            new("Input.Profession", "Judge"), new("Input.Institution", "Court of Appeal"),
            new("Input.Password", password), new("Input.ConfirmPassword", password),
        ]);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa", "repeats the same characters")]
    [InlineData("111111111111", "repeats the same characters")]
    [InlineData("passwordpassword", "repeats the same characters")]
    [InlineData("123456789012", "simple sequence")]
    [InlineData("iloveyouforever", "among the most commonly used or leaked")]
    [InlineData("ana popescu 1985", "easy to guess")]
    public async Task RegistrationRefusesGuessablePasswordsWithAClearReason(string password, string reason)
    {
        var body = await RegisterWithAsync(password);
        Assert.Contains(reason, body, StringComparison.Ordinal);
        Assert.DoesNotContain("your account is ready", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abcdefghijkl")]
    [InlineData("987654321098")]
    [InlineData("abcabcabcabc")]
    [InlineData("qwertyuiop12")]
    [InlineData("1qaz2wsx3edc4rfv")]
    [InlineData("sunshinesunshine")]
    [InlineData("Password1234!")]
    public void PatternsAndLeakedPasswordsAreRefused(string password) =>
        Assert.False(PasswordStrengthValidator.Validate(new AppUser { Email = "ana@example.eu" }, password).Succeeded);

    [Theory]
    [InlineData(TestData.Password)]
    [InlineData("Quiet river, seven lanterns")]
    [InlineData("a brand new passphrase")]
    [InlineData("another long passphrase here")]
    [InlineData("tram ticket under the blue lamp")]
    [InlineData("xxxxxxxxxxxxxxxxxxxx the quick brown fox jumps over the lazy dog ok")]
    public void PassphrasesWithoutCompositionRulesAreAccepted(string password) =>
        Assert.True(PasswordStrengthValidator.Validate(new AppUser { Email = "ana@example.eu", DisplayName = "Ana" }, password).Succeeded, password);

    [Fact]
    public void TheShippedBreachedListIsLargeAndHoldsOnlyLongEntries() =>
        Assert.InRange(PasswordStrengthValidator.CommonPasswordCount, 40_000, 100_000);
}
