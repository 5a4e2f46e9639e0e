using System.Globalization;

namespace ELearning.Web.Trainers;

internal static class TrainerUrls
{
    public const string Home = "/trainer";

    public static string Progress(int cohortId) => "/trainer/cohorts/" + cohortId.ToString(CultureInfo.InvariantCulture) + "/progress";

    public static string Learner(string userId, int? cohortId = null) =>
        "/trainer/learners/" + Uri.EscapeDataString(userId) + (cohortId is { } c ? "?cohort=" + c.ToString(CultureInfo.InvariantCulture) : "");

    public static string Attempt(string userId, long attemptId, int? cohortId = null) =>
        "/trainer/learners/" + Uri.EscapeDataString(userId) + "/attempts/" + attemptId.ToString(CultureInfo.InvariantCulture)
        + (cohortId is { } c ? "?cohort=" + c.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>Where a grant of <paramref name="kind"/> (<c>extra-attempt</c>, <c>extended-time</c>, <c>grade</c>) is posted.</summary>
    public static string Grant(string userId, string course, string module, string kind) =>
        "/trainer/learners/" + Uri.EscapeDataString(userId) + "/allowances/" + Uri.EscapeDataString(course) + "/" + Uri.EscapeDataString(module) + "/" + kind;

    public static string Preview(string course, string module) => "/trainer/preview/" + Uri.EscapeDataString(course) + "/" + Uri.EscapeDataString(module);

    public static string Preview(string course, string module, string lesson) => Preview(course, module) + "/" + Uri.EscapeDataString(lesson);

    public static string Trial(string course, string module) => Preview(course, module) + "/trial";
}
