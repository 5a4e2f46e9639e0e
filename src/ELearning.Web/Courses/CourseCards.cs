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
}
