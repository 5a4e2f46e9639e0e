using System.CommandLine;
using ELearning.Cli;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

public sealed class LintCommandTests
{
    private static (int ExitCode, string Output, string Error) Invoke(params string[] args)
    {
        var root = new RootCommand { LintCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString());
    }

    [Fact]
    public void CleanContentExitsZeroWithASummary()
    {
        using var content = ContentFolder.WithMinimalCourse();

        var (exitCode, output, _) = Invoke("lint", content.Root);

        Assert.Equal(0, exitCode);
        Assert.Equal("1 course, 1 lesson, 0 assessments, 0 errors, 0 warnings\n", output);
    }

    [Fact]
    public void ErrorsArePrintedAsPathLineColumnAndExitOne()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Lesson("thb/01-hearing/02-bad.md", "![](media/x.png)\n")
            .Write("thb/01-hearing/notes.txt", "x")
            .Lesson("thb/01-hearing/03-good.md");

        var (exitCode, output, _) = Invoke("lint", content.Root);

        Assert.Equal(1, exitCode);
        var root = content.Root.Replace('\\', '/');
        Assert.Equal(
            $"""
            {root}/thb/01-hearing/02-bad.md:6:1: error: image has no alt text; describe what it shows, e.g. ![A hearing room with soft chairs](media/room.jpg)
            {root}/thb/01-hearing/02-bad.md:6:1: error: image not found: 'media/x.png' (looked for thb/01-hearing/media/x.png)
            {root}/thb/01-hearing/notes.txt:1:1: warning: this file is not a lesson (NN-slug.md, e.g. 01-why-different.md); it is ignored
            1 course, 2 lessons, 0 assessments, 2 errors, 1 warning

            """,
            output);
    }

    [Fact]
    public void OldLawAsOfDatesAreWarningsAndTheAgeIsAnOption()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Lesson("thb/01-hearing/02-law.md", "> [!LEGAL]\n> *Law as of January 2020.*\n> Old.\n");

        var (exitCode, output, _) = Invoke("lint", content.Root);
        var (_, lenient, _) = Invoke("lint", content.Root, "--law-max-age-months", "1200");
        var (refused, _, _) = Invoke("lint", content.Root, "--law-max-age-months", "-1");

        Assert.Equal(0, exitCode);
        Assert.Contains("/thb/01-hearing/02-law.md:7:3: warning: law as of January 2020 is ", output, StringComparison.Ordinal);
        Assert.Contains(" months old (more than 12); check the law and update the date\n", output, StringComparison.Ordinal);
        Assert.EndsWith("0 errors, 1 warning\n", output, StringComparison.Ordinal);
        Assert.EndsWith("0 errors, 0 warnings\n", lenient, StringComparison.Ordinal);
        Assert.NotEqual(0, refused);
    }

    [Fact]
    public void MissingFolderExitsTwo()
    {
        var (exitCode, _, error) = Invoke("lint", Path.Combine(Path.GetTempPath(), "no-such-content-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(2, exitCode);
        Assert.Contains("no such folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PathDefaultsToContent()
    {
        var command = LintCommand.Create();
        var argument = Assert.IsType<Argument<string>>(Assert.Single(command.Arguments));

        Assert.Equal("content", new RootCommand { command }.Parse(["lint"]).GetValue(argument));
    }

    [Fact]
    public void RelativePathsArePrintedAsGiven()
    {
        using var content = ContentFolder.WithMinimalCourse().Write("thb/stray.txt", "x");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, content.Root).Replace('\\', '/');

        var (exitCode, output, _) = Invoke("lint", relative + "/");

        Assert.Equal(0, exitCode);
        Assert.StartsWith($"{relative}/thb/stray.txt:1:1: warning:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSummaryCountsAssessmentsThatLoad()
    {
        const string assessment = "---\ntitle: Check\npass_mark: 70\n---\n\n::: question id=a\nPick.\n\n- [x] A\n- [ ] B\n:::\n";
        using var content = ContentFolder.WithMinimalCourse()
            .Write("thb/01-hearing/assessment.md", assessment)
            .Module("thb/02-more").Lesson("thb/02-more/01-l.md").Write("thb/02-more/assessment.md", assessment.Replace("id=a", "id=b", StringComparison.Ordinal))
            .Module("thb/03-broken").Lesson("thb/03-broken/01-l.md").Write("thb/03-broken/assessment.md", "---\ntitle: Check\n---\n");

        var (exitCode, output, _) = Invoke("lint", content.Root);

        Assert.Equal(1, exitCode);
        Assert.EndsWith("1 course, 3 lessons, 2 assessments, 2 errors, 0 warnings\n", output, StringComparison.Ordinal);
        Assert.Contains("thb/03-broken/assessment.md:1:1: error: missing required key 'pass_mark'", output, StringComparison.Ordinal);
    }
}
