using ELearning.Content.Diagnostics;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

/// <summary>Every authoring mistake is reported at its exact file, line and column.</summary>
public sealed class ContentDiagnosticTests
{
    private const string Lesson = "thb/01-hearing/01-intro.md";

    // Front matter takes lines 1-5 (---, title, summary, minutes, ---): the body starts on line 6.
    private static ContentFolder WithLessonBody(string body) =>
        ContentFolder.WithMinimalCourse().Lesson(Lesson, body);

    [Fact]
    public void DiagnosticPrintsAsPathLineColumnSeverityMessage()
    {
        var diagnostic = new ContentDiagnostic("thb/course.yml", 3, 7, DiagnosticSeverity.Error, "unknown key 'titel'");

        Assert.Equal("thb/course.yml:3:7: error: unknown key 'titel'", diagnostic.ToString());
    }

    [Fact]
    public void BadYamlInCourseYmlPointsAtTheProblem()
    {
        using var content = ContentFolder.WithMinimalCourse().Course("thb", "title: A\nsummary: \"unterminated\n");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/course.yml", 2, 10, "invalid YAML");
        Assert.Empty(catalog.Courses);
    }

    [Fact]
    public void BadYamlInFrontMatterIsReportedAtTheFileLineNotTheYamlLine()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Lesson(Lesson, "Body\n", "title: A\n  bad: : x\nminutes: 5\n");

        DiagnosticAssert.HasError(content.Load(), Lesson, 3, 6, "invalid YAML");
    }

    [Fact]
    public void UnknownKeyIsAnErrorWithASuggestion()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Lesson(Lesson, "Body\n", "title: A\nsumary: B\nminutes: 5\n")
            .Module("thb/01-hearing", "title: M\nsummary: S\ncolour: red\n");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, Lesson, 3, 1, "unknown key 'sumary'; did you mean 'summary'?");
        DiagnosticAssert.HasError(catalog, "thb/01-hearing/module.yml", 3, 1, "unknown key 'colour'; expected one of: title, summary, objectives, prerequisites");
    }

    [Fact]
    public void MissingRequiredKeyPointsAtTheStartOfTheYaml()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Lesson(Lesson, "Body\n", "title: A\nsummary: B\n")
            .Module("thb/01-hearing", "title: M\n");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, Lesson, 1, 1, "missing required key 'minutes'");
        DiagnosticAssert.HasError(catalog, "thb/01-hearing/module.yml", 1, 1, "missing required key 'summary'");
    }

    [Fact]
    public void EmptyRequiredValueIsReportedAtItsKey()
    {
        using var content = ContentFolder.WithMinimalCourse().Lesson(Lesson, "Body\n", "title:\nsummary: B\nminutes: 5\n");

        DiagnosticAssert.HasError(content.Load(), Lesson, 2, 1, "'title' must not be empty");
    }

    [Theory]
    [InlineData("minutes: \"20\"", 4, 10, "'minutes' must be a positive whole number")]
    [InlineData("minutes: 0", 4, 10, "'minutes' must be a positive whole number")]
    [InlineData("minutes: 1.5", 4, 10, "'minutes' must be a positive whole number")]
    [InlineData("minutes: [5]", 4, 10, "'minutes' must be a positive whole number")]
    [InlineData("minutes: 5\ncontent_warning: [a]", 5, 18, "'content_warning' must be text")]
    [InlineData("minutes: 5\nminutes: 6", 5, 1, "duplicate key 'minutes'")]
    [InlineData("minutes: {a: 1}", 4, 10, "not a nested mapping")]
    public void WrongTypesInFrontMatterAreErrorsAtTheValue(string lastLines, int line, int column, string message)
    {
        using var content = ContentFolder.WithMinimalCourse().Lesson(Lesson, "Body\n", $"title: A\nsummary: B\n{lastLines}\n");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, Lesson, line, column, message);
        Assert.Empty(catalog.Courses[0].Modules[0].Lessons);
    }

    [Theory]
    [InlineData("languages: en", 3, 12, "'languages' must be a list")]
    [InlineData("languages: [en, English]", 3, 17, "'English' is not a language code")]
    [InlineData("hours: many", 3, 8, "'hours' must be a positive number")]
    [InlineData("languages:\n  - en\n  - [ro]", 5, 5, "must be a list of plain values")]
    [InlineData("title: again", 3, 1, "duplicate key 'title'")]
    [InlineData("extra: *alias", 3, 8, "aliases")]
    public void WrongTypesInCourseYmlAreErrorsAtTheValue(string lastLines, int line, int column, string message)
    {
        using var content = ContentFolder.WithMinimalCourse().Course("thb", $"title: A\nsummary: B\n{lastLines}\n");

        var catalog = content.Load();

        Assert.Contains(catalog.Diagnostics, d => d.Line == line && d.Column == column && d.Message.Contains(message, StringComparison.Ordinal));
        Assert.Empty(catalog.Courses);
    }

    [Fact]
    public void SeveralYamlDocumentsAreAnError()
    {
        using var content = ContentFolder.WithMinimalCourse().Course("thb", "title: A\nsummary: B\n---\ntitle: C\n");

        DiagnosticAssert.HasError(content.Load(), "thb/course.yml", 3, 1, "only one YAML document is allowed");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void EmptyYamlReportsTheMissingKeys(string yaml)
    {
        using var content = ContentFolder.WithMinimalCourse().Course("thb", yaml);

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/course.yml", 1, 1, "missing required key 'title'");
        DiagnosticAssert.HasError(catalog, "thb/course.yml", 1, 1, "missing required key 'summary'");
    }

    [Fact]
    public void DeeplyNestedYamlIsAnErrorNotACrash()
    {
        using var content = ContentFolder.WithMinimalCourse().Course("thb", "title: A\nsummary: B\nlanguages: " + new string('[', 100_000) + "\n");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/course.yml", 3, 28, "YAML nested more than 16 levels deep");
        Assert.Empty(catalog.Courses);
    }

    [Fact]
    public void BracketsInQuotedTextAndCommentsDoNotCountAsNesting()
    {
        var brackets = new string('[', 40);
        using var content = ContentFolder.WithMinimalCourse().Course("thb", $"title: \"{brackets}\"\nsummary: '{brackets}' # {brackets}\n");

        var catalog = content.Load();

        DiagnosticAssert.NoErrors(catalog.Diagnostics);
        Assert.Equal(brackets, catalog.Courses[0].Title);
    }

    [Fact]
    public void YamlThatIsNotAMappingIsAnError()
    {
        using var content = ContentFolder.WithMinimalCourse().Course("thb", "- title\n- summary\n");

        DiagnosticAssert.HasError(content.Load(), "thb/course.yml", 1, 1, "expected 'key: value' lines");
    }

    [Fact]
    public void LessonWithoutFrontMatterIsAnError()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Write("thb/01-hearing/02-bare.md", "# Just Markdown\n")
            .Write("thb/01-hearing/03-open.md", "---\ntitle: A\n# no closing line\n");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/01-hearing/02-bare.md", 1, 1, "a lesson starts with front matter");
        DiagnosticAssert.HasError(catalog, "thb/01-hearing/03-open.md", 1, 1, "front matter is not closed");
    }

    [Fact]
    public void MissingModuleYmlAndCourseYmlAreErrors()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Lesson("thb/02-no-yml/01-l.md")
            .Module("other/01-m").Lesson("other/01-m/01-l.md");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/02-no-yml/module.yml", 1, 1, "module.yml is missing");
        DiagnosticAssert.HasError(catalog, "other/course.yml", 1, 1, "course.yml is missing");
        Assert.Equal(["thb"], catalog.Courses.Select(c => c.Slug));
        Assert.Equal(["hearing"], catalog.Courses[0].Modules.Select(m => m.Slug));
    }

    [Fact]
    public void BrokenInternalLinkIsAnErrorAtTheLink()
    {
        using var content = WithLessonBody("Intro.\n\nSee [the rights](02-rights.md) and [JITs](../02-cases/01-jit.md#teams).\n")
            .Module("thb/02-cases").Lesson("thb/02-cases/01-jit.md");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, Lesson, 8, 5, "link target not found: '02-rights.md'");
        Assert.Single(catalog.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(["jit"], catalog.Courses[0].Modules.SelectMany(m => m.Lessons).Select(l => l.Slug));
    }

    [Theory]
    [InlineData("[x](01-intro.ro.md)", "is a translation")]
    [InlineData("[x](../module.yml)", "must point to a lesson (NN-lesson.md) or to a file in a module's media/ folder")]
    [InlineData("[x](../../../../etc/passwd)", "points outside the content folder")]
    [InlineData("[x](notes.md)", "is not a lesson")]
    [InlineData("[x](../01-hearing/)", "is a folder")]
    [InlineData("[x](media/handout.pdf)", "cannot be served: media/ holds images only")]
    [InlineData("![x](media/diagram.svg)", "SVG is excluded because it can run scripts")]
    public void LinksThatCannotBeServedAreErrors(string link, string message)
    {
        using var content = WithLessonBody($"Text {link}\n");

        DiagnosticAssert.HasError(content.Load(), Lesson, 6, 6, message);
    }

    [Fact]
    public void ImageWithoutAltTextIsAnError()
    {
        using var content = WithLessonBody("Look: ![](media/room.jpg)\n").Write("thb/01-hearing/media/room.jpg", "jpg");

        DiagnosticAssert.HasError(content.Load(), Lesson, 6, 7, "image has no alt text");
    }

    [Fact]
    public void MissingImageIsAnError()
    {
        using var content = WithLessonBody("\n![A room](media/room.jpg)\n");

        DiagnosticAssert.HasError(content.Load(), Lesson, 7, 1, "image not found: 'media/room.jpg'");
    }

    [Fact]
    public void ExternalImageIsAnError()
    {
        using var content = WithLessonBody("![Logo](https://cdn.example.org/logo.png)\n");

        DiagnosticAssert.HasError(content.Load(), Lesson, 6, 1, "must be a file in the module's media/ folder");
    }

    [Fact]
    public void ExistingImageAndLinksLoadWithoutDiagnostics()
    {
        using var content = WithLessonBody("![A room](media/room.jpg) [next](02-next.md) [top](#intro) [web](https://example.org)\n")
            .Write("thb/01-hearing/media/room.jpg", "jpg")
            .Lesson("thb/01-hearing/02-next.md");

        var catalog = content.Load();

        Assert.Empty(catalog.Diagnostics);
        Assert.Equal(2, catalog.Courses[0].Modules[0].Lessons.Count);
    }

    [Fact]
    public void DuplicateLessonSlugIsAnErrorOnTheSecondFile()
    {
        using var content = ContentFolder.WithMinimalCourse().Lesson("thb/01-hearing/02-intro.md");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/01-hearing/02-intro.md", 1, 1, "duplicate lesson slug 'intro' (also 01-intro.md)");
        Assert.Equal(Lesson, Assert.Single(catalog.Courses[0].Modules[0].Lessons).SourcePath);
    }

    [Fact]
    public void DuplicateModuleSlugIsAnErrorOnTheSecondFolder()
    {
        using var content = ContentFolder.WithMinimalCourse().Module("thb/02-hearing").Lesson("thb/02-hearing/01-l.md");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/02-hearing", 1, 1, "duplicate module slug 'hearing' (also 01-hearing)");
        Assert.Equal("thb/01-hearing", Assert.Single(catalog.Courses[0].Modules).FolderPath);
    }

    [Fact]
    public void DuplicateQuestionIdInTheCourseIsAnErrorOnTheLaterOne()
    {
        const string question = "::: question id=peace-first\nPick.\n\n- [x] A\n- [ ] B\n:::\n";
        using var content = WithLessonBody(question)
            .Module("thb/02-later").Lesson("thb/02-later/01-l.md", "Text.\n\n" + question);

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/02-later/01-l.md", 8, 14, $"duplicate question id 'peace-first' (first used at {Lesson}:6)");
        Assert.Empty(catalog.Courses[0].FindModule("later")!.Lessons);
        Assert.Single(catalog.Courses[0].FindModule("hearing")!.Lessons);
    }

    [Fact]
    public void DuplicateQuestionIdInOneLessonIsAnError()
    {
        const string question = "::: question id=q\nPick.\n\n- [x] A\n- [ ] B\n:::\n\n";
        using var content = WithLessonBody(question + question);

        DiagnosticAssert.HasError(content.Load(), Lesson, 13, 14, "duplicate question id 'q'");
    }

    [Fact]
    public void QuestionIdsMayRepeatAcrossCourses()
    {
        const string question = "::: question id=q\nPick.\n\n- [x] A\n- [ ] B\n:::\n";
        using var content = WithLessonBody(question)
            .Course("other").Module("other/01-m").Lesson("other/01-m/01-l.md", question);

        var catalog = content.Load();

        Assert.Empty(catalog.Diagnostics);
        Assert.Equal(2, catalog.Courses.Count);
    }

    [Theory]
    [InlineData("quote")]
    [InlineData("list")]
    [InlineData("emphasis")]
    public void NestingPastMarkdigsLimitIsAnErrorOnTheLineThatGoesTooDeep(string kind)
    {
        var deep = kind switch
        {
            "quote" => new string('>', 300) + " deep\n",
            "list" => string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i * 2) + "- item\n")),
            _ => string.Concat(Enumerable.Repeat("*a ", 300)) + "x" + string.Concat(Enumerable.Repeat(" a*", 300)) + "\n",
        };
        using var content = WithLessonBody("Intro.\n\nMore.\n\n" + deep).Lesson("thb/01-hearing/02-fine.md");

        var catalog = content.Load();

        var error = Assert.Single(catalog.Diagnostics, d => d.Path == Lesson);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
        // Lists reach the limit part-way down; quotes and emphasis on their single line.
        Assert.InRange(error.Line, 10, kind == "list" ? 10 + 299 : 10);
        Assert.Equal(["fine"], catalog.Courses[0].Modules[0].Lessons.Select(l => l.Slug));
    }

    [Fact]
    public void DisallowedLinkSchemeIsAWarningAndTheLessonStillLoads()
    {
        using var content = WithLessonBody("Do not [click](javascript:alert(1)).\n");

        var catalog = content.Load();

        DiagnosticAssert.Has(catalog.Diagnostics, Lesson, 6, 8, DiagnosticSeverity.Warning, "'javascript:' links are not allowed");
        Assert.Single(catalog.Courses[0].Modules[0].Lessons);
    }

    [Fact]
    public void UnknownCalloutKindIsAWarning()
    {
        using var content = WithLessonBody("> [!LEGALL]\n> Typo.\n");

        DiagnosticAssert.Has(content.Load().Diagnostics, Lesson, 6, 1, DiagnosticSeverity.Warning, "unknown callout '[!LEGALL]'");
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("\"true\"")]
    [InlineData("1")]
    public void OptionalThatIsNotTrueOrFalseIsAnError(string value)
    {
        using var content = ContentFolder.WithMinimalCourse().Module("thb/01-hearing", $"title: H\nsummary: S.\noptional: {value}\n");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/01-hearing/module.yml", 3, 11, "'optional' must be true or false");
        Assert.Empty(catalog.Courses[0].Modules);
    }

    [Fact]
    public void ScenarioIdsShareTheCourseQuestionIdSpace()
    {
        using var content = WithLessonBody("::: question id=shared\nPick.\n\n- [x] A\n- [ ] B\n:::\n")
            .Lesson("thb/01-hearing/02-case.md", "::: scenario id=shared\nCase.\n\n## Start\n\n- [Go](#end)\n:::\n");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/01-hearing/02-case.md", 6, 14, $"duplicate question id 'shared' (first used at {Lesson}:6)");
        Assert.Equal(["intro"], catalog.Courses[0].Modules[0].Lessons.Select(l => l.Slug));
    }
}
