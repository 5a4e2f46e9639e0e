using ELearning.Content.Catalog;
using ELearning.Theming;
using ELearning.Web.Assessments;
using ELearning.Web.Progress;

namespace ELearning.Web.Courses;

internal static class CourseCards
{
    /// <summary>A catalog card; <paramref name="progress"/> null for visitors (no progress bars).</summary>
    public static CourseCard For(Course course, LearnerSnapshot? progress, Cohorts.CohortCoverage? coverage = null) =>
        new(course.Title, course.Summary, CourseUrls.Course(course.Slug), course.Minutes, course.Hours,
            // Modules restricted to cohorts the user is not in are left out (docs/authoring.md).
            [.. course.Modules.Where(m => coverage?.MayOpen(course, m) ?? true).Select(m => new ModuleCard(
                m.Title, m.Summary,
                m.Lessons.Count > 0 ? CourseUrls.Lesson(m.Lessons[0]) : CourseUrls.Course(course.Slug),
                m.Minutes, m.Lessons.Count, progress?.Of(m))
            {
                CompletedAt = progress?.Record.CompletedAt(m),
            })],
            progress?.Of(course))
        {
            CompletedAt = progress?.Record.CompletedAt(course),
        };

    /// <summary>A module as the course page and the module page show it; <paramref name="progress"/> null for visitors.</summary>
    public static ModuleOutline Outline(Course course, Module module, LearnerSnapshot? progress)
    {
        var record = progress?.Record;
        var grade = record is null || module.Assessment is null ? null : record.GradeOf(module);
        return new ModuleOutline(
            "module-" + module.Slug,
            module.Title, module.Summary, module.Objectives,
            [.. module.Prerequisites.Select(p => course.FindModule(p)?.Title ?? p)],
            [.. module.Lessons.Select(l => new LessonLink(l.Title, CourseUrls.Lesson(l), l.Minutes, record?.IsCompleted(l) == true))],
            progress?.Of(module))
        {
            Url = CourseUrls.Module(course.Slug, module.Slug),
            Assessment = module.Assessment is null ? null : new Link(module.Assessment.Title, AssessmentUrls.Overview(course.Slug, module.Slug)),
            AssessmentPassed = grade is null || (grade.SubmittedAttempts == 0 && !grade.Overridden) ? null : grade.Passed,
            AssessmentGrade = grade?.Percent,
            AssessmentGradeOverridden = grade?.Overridden == true,
            Complete = record?.IsComplete(module) == true,
            CompletedAt = record?.CompletedAt(module),
            LockedBy = record?.LockOf(course, module) is { } moduleLock ? [.. moduleLock.Prerequisites.Select(p => p.Title)] : [],
        };
    }

    /// <summary>The learner's resume point among <paramref name="courses"/> as a link; null when there is nothing to resume.</summary>
    public static ContinueLink? Continue(LearnerSnapshot? progress, IEnumerable<Course> courses)
    {
        var list = courses as IReadOnlyCollection<Course> ?? [.. courses];
        if (progress?.Record.ResumePoint(list) is not { } lesson)
        {
            return null;
        }
        var course = list.First(c => c.Slug == lesson.CourseSlug);
        return new ContinueLink(lesson.Title, course.FindModule(lesson.ModuleSlug)!.Title, course.Title, CourseUrls.Lesson(lesson));
    }
}
