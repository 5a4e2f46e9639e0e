using ELearning.Web.Certificates;

namespace ELearning.Web.Tests.Certificates;

public sealed class CertificateCodeTests
{
    [Fact]
    public void CodesAreLongRandomAndUseOnlyCrockfordLetters()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => CertificateCodes.New()).ToList();

        Assert.Equal(1000, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Equal(28, c.Length));
        Assert.All(codes, c => Assert.DoesNotContain(c, ch => ch is 'I' or 'L' or 'O' or 'U'));
        // 28 characters of a 32-letter alphabet: 140 bits.
        Assert.True(CertificateCodes.Length * Math.Log2(CertificateCodes.Alphabet.Length) >= 128);
    }

    [Fact]
    public void TypedCodesAreReadWhateverTheCaseDashesAndSpaces()
    {
        var code = CertificateCodes.New();
        var display = CertificateCodes.Display(code);

        Assert.Equal(34, display.Length);
        Assert.Equal(code, CertificateCodes.Normalise(display));
        Assert.Equal(code, CertificateCodes.Normalise(" " + display.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) + " "));
        Assert.Equal(code, CertificateCodes.Normalise(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABC")]
    [InlineData("UUUUUUUUUUUUUUUUUUUUUUUUUUUU")]
    [InlineData("000000000000000000000000000000")]
    [InlineData("<script>alert(1)</script>")]
    public void MalformedCodesAreRefused(string typed) => Assert.Null(CertificateCodes.Normalise(typed));

    [Fact]
    public void LettersThatLookLikeDigitsReadAsThoseDigits() =>
        Assert.Equal(new string('1', 14) + new string('0', 14), CertificateCodes.Normalise(new string('l', 7) + new string('I', 7) + new string('o', 14)));
}
