using ELearning.Content.Catalog;
using ELearning.Theming;
using ELearning.Web.Progress;

namespace ELearning.Web.Courses;

internal static class CourseCards
{
    /// <summary>A catalog card; <paramref name="progress"/> null for visitors (no progress bars).</summary>
    public static CourseCard For(Course course, LearnerSnapshot? progress) =>
        new(course.Title, course.Summary, CourseUrls.Course(course.Slug), course.Minutes, course.Hours,
            [.. course.Modules.Select(m => new ModuleCard(
                m.Title, m.Summary,
                m.Lessons.Count > 0 ? CourseUrls.Lesson(m.Lessons[0]) : CourseUrls.Course(course.Slug),
                m.Minutes, m.Lessons.Count, progress?.Of(m)))],
            progress?.Of(course));

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
