using ELearning.Content.Diagnostics;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

public sealed class PretestTests
{
    private const string Assessment = """
        ---
        title: Check
        pass_mark: 50
        ---

        ::: question id=q1
        Pick b.

        - [ ] a
        - [x] b
        :::
        """;

    [Fact]
    public void AModuleWithAnAssessmentCanDeclareAPretest()
    {
        using var content = new ContentFolder().Course()
            .Module("thb/01-hearing", "title: Hearing\nsummary: About hearing.\npretest: true\n").Lesson("thb/01-hearing/01-intro.md")
            .Write("thb/01-hearing/assessment.md", Assessment)
            .Module("thb/02-money", "title: Money\nsummary: About money.\npretest: false\n").Lesson("thb/02-money/01-intro.md");

        var catalog = content.Load();

        Assert.DoesNotContain(catalog.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal([("hearing", true), ("money", false)], catalog.Courses[0].Modules.Select(m => (m.Slug, m.Pretest)));
    }

    [Fact]
    public void APretestWithoutAnAssessmentIsReportedWhereItIsWritten()
    {
        using var content = new ContentFolder().Course()
            .Module("thb/01-hearing", "title: Hearing\nsummary: About hearing.\npretest: true\n").Lesson("thb/01-hearing/01-intro.md");

        var catalog = content.Load();

        var error = Assert.Single(catalog.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(("thb/01-hearing/module.yml", 3), (error.Path, error.Line));
        Assert.Contains("assessment.md", error.Message, StringComparison.Ordinal);
        Assert.False(catalog.Courses[0].Modules[0].Pretest);
    }

    [Fact]
    public void APretestValueThatIsNotABooleanIsAnError()
    {
        using var content = new ContentFolder().Course()
            .Module("thb/01-hearing", "title: Hearing\nsummary: About hearing.\npretest: maybe\n").Lesson("thb/01-hearing/01-intro.md");

        var error = Assert.Single(content.Load().Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        Assert.Equal(("thb/01-hearing/module.yml", 3), (error.Path, error.Line));
    }
}
