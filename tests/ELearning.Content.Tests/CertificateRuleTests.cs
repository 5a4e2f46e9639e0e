using ELearning.Content.Assessments;
using ELearning.Content.Catalog;
using ELearning.Content.Learners;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

/// <summary>The certificate: block of course.yml and module.yml, and when a certificate is due.</summary>
public sealed class CertificateRuleTests
{
    private const string ModuleYml = "thb/01-hearing/module.yml";

    private static ContentFolder WithModuleCertificate(string block) =>
        ContentFolder.WithMinimalCourse().Module("thb/01-hearing", "title: M\nsummary: S\ncertificate:\n" + block);

    [Fact]
    public void AFullCertificateBlockBecomesTheModulesRule()
    {
        using var content = WithModuleCertificate("""
              title: Victim hearing
              hours: 4.5
              valid_for_months: 24
              issuer:
                name: The ELearning project
                address: 1 Example Street, Brussels
              signatory:
                name: A. Person
                role: Course coordinator
                image: media/signature.png
              print_score: true
            """).WriteBytes("thb/01-hearing/media/signature.png", [0x89, 0x50]);

        var catalog = content.Load();

        DiagnosticAssert.NoErrors(catalog.Diagnostics);
        var rule = catalog.Courses[0].Modules[0].Certificate;
        Assert.Equal(new CertificateRule("Victim hearing", 4.5m, 24, "The ELearning project", "1 Example Street, Brussels",
            "A. Person", "Course coordinator", "thb/01-hearing/media/signature.png", PrintScore: true), rule);
        Assert.Null(catalog.Courses[0].Certificate);
    }

    [Fact]
    public void TheIssuerMayBeGivenAsANameAlone()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Course("thb", "title: T\nsummary: S\ncertificate:\n  title: Countering THB\n  issuer: The ELearning project\n");

        var rule = content.Load().Courses[0].Certificate;

        Assert.Equal(new CertificateRule("Countering THB", null, null, "The ELearning project", null, null, null, null, false), rule);
    }

    [Theory]
    [InlineData("  title: T\n  issuer: I\n  colour: red\n", 6, 3, "unknown key 'colour'")]
    [InlineData("  title: T\n  issuer: I\n  hours: many\n", 6, 10, "'hours' must be a positive number")]
    [InlineData("  title: T\n  issuer: I\n  valid_for_months: 1.5\n", 6, 21, "'valid_for_months' must be a whole number")]
    [InlineData("  title: T\n  issuer: I\n  valid_for_months: 100000\n", 6, 21, "'valid_for_months' must be at most 600")]
    [InlineData("  title: T\n  issuer: I\n  print_score: yes\n", 6, 16, "'print_score' must be true or false")]
    [InlineData("  issuer: I\n", 3, 1, "missing required key 'title'")]
    [InlineData("  title: T\n", 3, 1, "missing required key 'issuer'")]
    [InlineData("  title: T\n  issuer:\n    address: Somewhere\n", 5, 3, "missing required key 'name'")]
    [InlineData("  title: T\n  issuer: I\n  signatory: Someone\n", 6, 14, "'signatory' must be a block")]
    [InlineData("  title: T\n  issuer: I\n  signatory:\n    nmae: X\n", 7, 5, "unknown key 'nmae'; did you mean 'name'?")]
    [InlineData("  title: T\n  issuer: I\n  signatory:\n    role: R\n    image: ../secret.png\n", 8, 12, "'image' must be a path in this folder's media/ folder")]
    [InlineData("  title: T\n  issuer: I\n  signatory:\n    role: R\n    image: media/sign.svg\n", 8, 12, "'image' must be an image")]
    public void MistakesInTheBlockAreReportedAtTheirPosition(string block, int line, int column, string message)
    {
        using var content = WithModuleCertificate(block);

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, ModuleYml, line, column, message);
    }

    [Fact]
    public void NestingDeeperThanTheBlockAllowsIsAnError()
    {
        using var content = WithModuleCertificate("  title: T\n  issuer:\n    name:\n      first: A\n");

        DiagnosticAssert.HasError(content.Load(), ModuleYml, 7, 7, "'name' must be a value or a list, not a nested mapping");
    }

    [Fact]
    public void OtherKeysStillRefuseNestedMappings()
    {
        using var content = ContentFolder.WithMinimalCourse().Module("thb/01-hearing", "title:\n  a: b\nsummary: S\n");

        DiagnosticAssert.HasError(content.Load(), ModuleYml, 2, 3, "'title' must be a value or a list, not a nested mapping");
    }

    [Fact]
    public void AMissingSignatureImageIsReportedAndTheRuleStillHolds()
    {
        using var content = WithModuleCertificate("  title: T\n  issuer: I\n  signatory:\n    role: R\n    image: media/missing.png\n");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, ModuleYml, 8, 12, "image not found: 'media/missing.png'");
        var rule = catalog.Courses[0].Modules[0].Certificate;
        Assert.NotNull(rule);
        Assert.Null(rule.SignatureImage);
    }

    [Fact]
    public void TheShippedCourseAndItsCoreModulesIssueCertificates()
    {
        var catalog = ShippedContent.Load();
        var course = catalog.Courses.Single();

        Assert.NotNull(course.Certificate);
        Assert.All(course.Modules.Where(m => !m.Optional && m.Assessment is not null), m => Assert.NotNull(m.Certificate));
    }

    // --- when a certificate is due ---

    private static readonly DateTime T0 = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly CertificateRule Rule = new("Hearing", 4, 24, "ELearning", null, null, "Course coordinator", null, PrintScore: true);

    private static Course MakeCourse(CertificateRule? courseRule = null) => new()
    {
        Slug = "thb", Title = "THB", Summary = "", Languages = ["en"], Certificate = courseRule,
        Modules =
        [
            new Module
            {
                Slug = "hearing", CourseSlug = "thb", Title = "Hearing", Summary = "", Objectives = [], FolderPath = "thb/01-hearing",
                Prerequisites = [], Certificate = Rule,
                Lessons = [new Lesson { Slug = "why", CourseSlug = "thb", ModuleSlug = "hearing", Title = "Why", Summary = "", Minutes = 5, Segments = [], ContentVersion = "v", SourcePath = "thb/01-hearing/01-why.md" }],
                Assessment = new Assessment
                {
                    CourseSlug = "thb", ModuleSlug = "hearing", Title = "Test", IntroHtml = "", PassMark = 70, Questions = [],
                    ContentVersion = "a", SourcePath = "thb/01-hearing/assessment.md",
                },
            },
        ],
    };

    private static LessonMark Read(int minute = 0) => new("thb", "hearing", "why", T0, T0, T0.AddMinutes(minute));

    private static AttemptMark Attempt(int number, decimal percent, DateTime at) =>
        new("thb", "hearing", number, AttemptState.Submitted, at.AddMinutes(-10), null, at, 70, percent, percent >= 70);

    [Fact]
    public void NothingIsDueUntilTheModuleIsComplete()
    {
        var record = new LearnerRecord([Read()], [Attempt(1, 50, T0.AddMinutes(30))]);

        Assert.Empty(record.CertificatesDue(MakeCourse(), [], T0.AddHours(1)));
    }

    [Fact]
    public void ThePassingSubmissionMakesTheFirstRoundDueWithItsTimeAndScore()
    {
        var passed = T0.AddMinutes(30);
        var record = new LearnerRecord([Read()], [Attempt(1, 85, passed)]);

        var due = Assert.Single(record.CertificatesDue(MakeCourse(), [], passed));

        Assert.Equal(new CertificateDue("thb", "hearing", Rule, 1, passed, 85), due);
    }

    [Fact]
    public void AHeldCertificateIsNotDueAgain()
    {
        var record = new LearnerRecord([Read()], [Attempt(1, 85, T0.AddMinutes(30)), Attempt(2, 95, T0.AddDays(10))]);
        IssuedMark[] issued = [new("thb", "hearing", 1, T0.AddMinutes(30), T0.AddMonths(24), Revoked: false)];

        Assert.Empty(record.CertificatesDue(MakeCourse(), issued, T0.AddDays(10)));
    }

    [Fact]
    public void AfterExpiryPassingAgainMakesTheNextRoundDue()
    {
        var expires = T0.AddMonths(24);
        var again = expires.AddDays(3);
        var record = new LearnerRecord([Read()], [Attempt(1, 85, T0.AddMinutes(30)), Attempt(2, 90, again)]);
        IssuedMark[] issued = [new("thb", "hearing", 1, T0.AddMinutes(30), expires, Revoked: false)];

        var due = Assert.Single(record.CertificatesDue(MakeCourse(), issued, again));

        Assert.Equal((2, again), (due.Round, due.CompletedAt));
    }

    [Fact]
    public void AnExpiredCertificateIsNotRenewedByTheOldCompletion()
    {
        var expires = T0.AddMonths(24);
        var record = new LearnerRecord([Read()], [Attempt(1, 85, T0.AddMinutes(30))]);
        IssuedMark[] issued = [new("thb", "hearing", 1, T0.AddMinutes(30), expires, Revoked: false)];

        Assert.Empty(record.CertificatesDue(MakeCourse(), issued, expires.AddDays(1)));
    }

    [Fact]
    public void ARevokedCertificateIsNeverReplacedByTheLearner()
    {
        var expires = T0.AddMonths(24);
        var again = expires.AddDays(3);
        var record = new LearnerRecord([Read()], [Attempt(1, 85, T0.AddMinutes(30)), Attempt(2, 90, again)]);
        IssuedMark[] issued = [new("thb", "hearing", 1, T0.AddMinutes(30), expires, Revoked: true)];

        Assert.Empty(record.CertificatesDue(MakeCourse(), issued, again));
    }

    [Fact]
    public void TheCourseRuleIsDueWithTheModuleRuleAndAveragesTheScores()
    {
        var courseRule = Rule with { Title = "THB" };
        var passed = T0.AddMinutes(30);
        var record = new LearnerRecord([Read()], [Attempt(1, 85, passed)]);

        var due = record.CertificatesDue(MakeCourse(courseRule), [], passed);

        Assert.Equal(["hearing", ""], due.Select(d => d.Module));
        Assert.Equal(85, due[1].ScorePercent);
    }
}
