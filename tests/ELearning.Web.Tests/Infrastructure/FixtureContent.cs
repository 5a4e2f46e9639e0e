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

    public const string Assessment = "/courses/thb/hearing/assessment";

    /// <summary>Every question kind, each with a known key; learners see 4 per page.</summary>
    public const string AssessmentFile = "thb/01-hearing/assessment.md";

    public static string AssessmentText(string rules = "") => $"""
        ---
        title: Hearing assessment
        pass_mark: 60
        max_attempts: 2
        questions_per_page: 4
        review: everything
        grading: highest
        {rules}
        ---

        Eight questions on hearing victims.

        ::: question id=a-single
        Which PEACE phase comes first?

        - [ ] Closure
          > {WrongFeedback}
        - [x] Planning and preparation
        - [ ] Evaluation

        > [!HINT]
        > SECRET-HINT think before you meet.

        > [!RATIONALE]
        > SECRET-RATIONALE planning precedes the interview.
        :::

        ::: question id=a-multi type=multiple
        Which are means under the Palermo Protocol?

        - [x] Deception
        - [x] Abuse of a position of vulnerability
        - [ ] The victim's nationality
          > SECRET-FEEDBACK nationality is not a means.
        :::

        ::: question id=a-tf type=true-false
        Consent of the victim is a defence once coercion is proven.

        - [ ] True
        - [x] False
        :::

        ::: question id=a-text type=text
        Which EU agency coordinates prosecutors?

        - [x] Eurojust
        - [ ] Europol
          > SECRET-TEXT-FEEDBACK police, not judicial.
        :::

        ::: question id=a-num type=numeric answer=30 tolerance=0 unit=days
        How many days of reflection does the Directive require at least?
        :::

        ::: question id=a-order type=ordering
        Put the first three PEACE phases in order.

        1. Planning and preparation
        2. Engage and explain
        3. Account, clarification and challenge
        :::

        ::: question id=a-match type=matching
        Match each tool to its purpose.

        | Tool | Purpose |
        |---|---|
        | EIO | Gathers evidence abroad |
        | JIT | Investigates jointly |
        | | Extradites suspects |
        :::

        ::: scenario id=a-case
        A raid finds a frightened woman.

        ## At the door

        What do you do first?

        - [Interview her on the spot](#end)
          > SECRET-CONSEQUENCE-BAD she withdraws.
        - [Arrange a safe place first](#safe-place) (2 points)
          > She calms down.

        ## Safe place

        She agrees to talk later.

        - [Plan the hearing with an interpreter](#end) (1 point)
          > The account is clear.
        :::
        """;

    public static void Write(string root, string relativePath, string text)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
    }
}
