using ELearning.Content.Diagnostics;
using ELearning.Content.Questions;

namespace ELearning.Content.Catalog;

/// <summary>An immutable snapshot of everything under the content root that loaded, plus what did not.</summary>
public sealed class CourseCatalog
{
    public required IReadOnlyList<Course> Courses { get; init; }

    /// <summary>Every authoring problem found, sorted by path (ordinal), then line, then column.</summary>
    public required IReadOnlyList<ContentDiagnostic> Diagnostics { get; init; }

    /// <summary>Changes whenever any loaded file changes; useful as a cache key.</summary>
    public required string Version { get; init; }

    /// <summary>
    /// Files whose current version has errors (in <see cref="Diagnostics"/>) while learners are served the last version
    /// that loaded; paths relative to the content root, forward slashes.
    /// </summary>
    public IReadOnlySet<string> PreviousVersions { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>True when learners see the previous version of this file because the current one has errors.</summary>
    public bool ServesPreviousVersion(string path) => PreviousVersions.Contains(path);

    public Course? FindCourse(string slug) =>
        Courses.FirstOrDefault(c => string.Equals(c.Slug, slug, StringComparison.Ordinal));
}

public sealed class Course
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public decimal? Hours { get; init; }
    public required IReadOnlyList<Module> Modules { get; init; }

    /// <summary>Completing the course issues this certificate; null when <c>course.yml</c> has no <c>certificate:</c> block.</summary>
    public CertificateRule? Certificate { get; init; }

    /// <summary><c>access: cohort</c> restricts the course, and so each of its modules, to its cohorts' members.</summary>
    public ContentAccess Access { get; init; }

    public Module? FindModule(string slug) =>
        Modules.FirstOrDefault(m => string.Equals(m.Slug, slug, StringComparison.Ordinal));

    /// <summary>All lessons of all modules in reading order.</summary>
    public IEnumerable<Lesson> AllLessons => Modules.SelectMany(m => m.Lessons);

    public int Minutes => Modules.Sum(m => m.Minutes);
}

public sealed class Module
{
    /// <summary>Folder name without its numeric prefix, e.g. <c>victim-hearing</c> for <c>01-victim-hearing</c>.</summary>
    public required string Slug { get; init; }
    public required string CourseSlug { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<string> Objectives { get; init; }

    /// <summary>The module's folder relative to the content root, forward slashes (media lives under <c>media/</c> in it).</summary>
    public required string FolderPath { get; init; }

    /// <summary>Slugs of modules of the same course that must be completed first.</summary>
    public required IReadOnlyList<string> Prerequisites { get; init; }
    public required IReadOnlyList<Lesson> Lessons { get; init; }

    /// <summary>The graded assessment (<c>assessment.md</c>), or null when the module has none.</summary>
    public Assessments.Assessment? Assessment { get; init; }

    /// <summary>False unless <c>module.yml</c> says <c>optional: true</c>: required modules make course completion.</summary>
    public bool Optional { get; init; }

    /// <summary>Completing the module issues this certificate; null when <c>module.yml</c> has no <c>certificate:</c> block.</summary>
    public CertificateRule? Certificate { get; init; }

    /// <summary>
    /// <see cref="ContentAccess.Cohort"/> when <c>module.yml</c> or the course's <c>course.yml</c> says <c>access: cohort</c>:
    /// only members of a cohort covering the module (and trainers and admins) open it.
    /// </summary>
    public ContentAccess Access { get; init; }

    /// <summary>
    /// <c>pretest: true</c> in <c>module.yml</c> (and the module has an assessment): learners are offered the assessment's
    /// pool, ungraded, before the first lesson, to measure knowledge gain. Never counts for grades or completion.
    /// </summary>
    public bool Pretest { get; init; }

    public Lesson? FindLesson(string slug) =>
        Lessons.FirstOrDefault(l => string.Equals(l.Slug, slug, StringComparison.Ordinal));

    public int Minutes => Lessons.Sum(l => l.Minutes);
}

public sealed class Lesson
{
    /// <summary>File name without numeric prefix and extension, e.g. <c>why-different</c> for <c>01-why-different.md</c>.</summary>
    public required string Slug { get; init; }
    public required string CourseSlug { get; init; }
    public required string ModuleSlug { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required int Minutes { get; init; }

    /// <summary>Shown before the body with a choice to continue; null when the lesson has none.</summary>
    public string? ContentWarning { get; init; }

    /// <summary>Rendered body: HTML segments interleaved with question segments, in document order.</summary>
    public required IReadOnlyList<LessonSegment> Segments { get; init; }

    /// <summary>Short hash of the file's bytes; stored with progress and answers.</summary>
    public required string ContentVersion { get; init; }

    /// <summary>Path relative to the content root, forward slashes.</summary>
    public required string SourcePath { get; init; }

    /// <summary>The law-as-of dates of the lesson's LEGAL and COUNTRY callouts, in document order.</summary>
    public IReadOnlyList<LawAsOf> LawAsOf { get; init; } = [];

    public IEnumerable<Question> Questions => Segments.OfType<QuestionSegment>().Select(s => s.Question);

    /// <summary>The lesson's <c>::: survey</c> blocks, in document order.</summary>
    public IEnumerable<Surveys.Survey> Surveys => Segments.OfType<Surveys.SurveySegment>().Select(s => s.Survey);

    public Question? FindQuestion(string id) =>
        Questions.FirstOrDefault(q => string.Equals(q.Id, id, StringComparison.Ordinal));
}

public abstract record LessonSegment;

/// <summary>Safe HTML produced by the shared pipeline (raw HTML disabled, link schemes filtered).</summary>
public sealed record HtmlSegment(string Html) : LessonSegment;

public sealed record QuestionSegment(Question Question) : LessonSegment;
