namespace ELearning.Web.Assessments;

internal static class AssessmentUrls
{
    public static string Overview(string course, string module) =>
        $"/courses/{Uri.EscapeDataString(course)}/{Uri.EscapeDataString(module)}/assessment";

    public static string Start(string course, string module) => Overview(course, module) + "/start";

    public static string Attempt(string course, string module, int number) => Overview(course, module) + $"/attempts/{number}";

    public static string Attempt(string course, string module, int number, int page) => Attempt(course, module, number) + $"?page={page}";

    /// <summary>Where an attempt page posts (the page itself is a GET at <see cref="Attempt(string, string, int)"/>).</summary>
    public static string Save(string course, string module, int number) => Attempt(course, module, number) + "/save";

    public static string Autosave(string course, string module, int number) => Attempt(course, module, number) + "/autosave";
}
