namespace ELearning.Web.Tests.Infrastructure;

/// <summary>A small course written by each test into its own content folder.</summary>
internal static class FixtureContent
{
    public const string Course = "/courses/thb";
    public const string FirstLesson = "/courses/thb/hearing/first";
    public const string SecondLesson = "/courses/thb/hearing/second";
    public const string MoneyLesson = "/courses/thb/money/follow";
    public const string WrongFeedback = "Account comes after rapport has been built.";
    public const string RightFeedback = "Planning comes before the interview itself.";

    public static void WriteTo(string root)
    {
        Write(root, "thb/course.yml", """
            title: Countering trafficking
            summary: A fixture course.
            languages: [en]
            """);
        Write(root, "thb/01-hearing/module.yml", """
            title: Hearing victims
            summary: How to hear victims.
            objectives:
              - Plan a hearing
            prerequisites: []
            """);
        Write(root, "thb/01-hearing/01-first.md", $"""
            ---
            title: Why hearings differ
            summary: Trauma shapes the account.
            minutes: 10
            ---

            # Why hearings differ

            Trauma affects memory. See [the second lesson](02-second.md).

            ::: question id=peace-first
            Which phase of the PEACE model comes first?

            - [ ] Account, clarification and challenge
              > {WrongFeedback}
            - [x] Planning and preparation
              > {RightFeedback}
            - [ ] Closure
            :::
            """);
        Write(root, "thb/01-hearing/02-second.md", """
            ---
            title: Rights of victims
            summary: The rights framework.
            minutes: 15
            content_warning: Describes violence against victims.
            ---

            # Rights of victims

            Victims have rights to information and support.
            """);
        Write(root, "thb/02-money/module.yml", """
            title: Following the money
            summary: Financial investigation.
            prerequisites: []
            """);
        Write(root, "thb/02-money/01-follow.md", """
            ---
            title: Follow the money
            summary: Why money matters.
            minutes: 12
            ---

            # Follow the money

            Profits drive trafficking.
            """);
    }

    public static void Write(string root, string relativePath, string text)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
    }
}
