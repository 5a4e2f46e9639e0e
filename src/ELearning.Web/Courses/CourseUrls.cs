using ELearning.Content.Catalog;

namespace ELearning.Web.Courses;

/// <summary>The public URLs of DESIGN §6, built in one place.</summary>
internal static class CourseUrls
{
    public static string Course(string course) => $"/courses/{Uri.EscapeDataString(course)}";

    public static string Module(string course, string module) => $"/courses/{Uri.EscapeDataString(course)}/{Uri.EscapeDataString(module)}";

    public static string Lesson(string course, string module, string lesson) =>
        $"/courses/{Uri.EscapeDataString(course)}/{Uri.EscapeDataString(module)}/{Uri.EscapeDataString(lesson)}";

    public static string Lesson(Lesson lesson) => Lesson(lesson.CourseSlug, lesson.ModuleSlug, lesson.Slug);

    public static string Complete(Lesson lesson) => Lesson(lesson) + "/complete";

    public static string Answer(Lesson lesson, string questionId) => Lesson(lesson) + "/questions/" + Uri.EscapeDataString(questionId);

    /// <summary>The lesson with its content warning already accepted.</summary>
    public static string LessonPastWarning(Lesson lesson) => Lesson(lesson) + "?warning=accepted";

    /// <summary>Where to return after a POST on a lesson: past the warning (the learner had accepted it) at an anchor.</summary>
    public static string LessonReturn(Lesson lesson, string anchor) =>
        (lesson.ContentWarning is null ? Lesson(lesson) : LessonPastWarning(lesson)) + "#" + anchor;
}
