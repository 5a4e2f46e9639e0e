using ELearning.Content.Questions;

namespace ELearning.Load;

/// <summary>
/// A one-module course whose assessment has eight questions, one of every kind (as in the web tests' fixture), no time
/// limit and no attempt cap; and the right response to each, in the form the attempt page posts.
/// </summary>
internal static class LoadCourse
{
    public const string Course = "load";
    public const string Module = "hearing";
    public const int QuestionsPerPage = 3;

    public static string AttemptUrl(int number) => $"/courses/{Course}/{Module}/assessment/attempts/{number}";

    public static void WriteTo(string root)
    {
        Write(root, "load/course.yml", """
            title: Load test course
            summary: Written by the load script.
            languages: [en]
            """);
        Write(root, "load/01-hearing/module.yml", """
            title: Hearing victims
            summary: How to hear victims.
            prerequisites: []
            """);
        Write(root, "load/01-hearing/01-first.md", """
            ---
            title: Why hearings differ
            summary: Trauma shapes the account.
            minutes: 10
            ---

            # Why hearings differ

            Trauma affects memory.
            """);
        Write(root, "load/01-hearing/assessment.md", $"""
            ---
            title: Hearing assessment
            pass_mark: 60
            questions_per_page: {QuestionsPerPage}
            review: everything
            grading: highest
            ---

            Eight questions on hearing victims.

            ::: question id=a-single
            Which PEACE phase comes first?

            - [ ] Closure
              > Closure ends the hearing.
            - [x] Planning and preparation
            - [ ] Evaluation

            > [!RATIONALE]
            > Planning precedes the interview.
            :::

            ::: question id=a-multi type=multiple
            Which are means under the Palermo Protocol?

            - [x] Deception
            - [x] Abuse of a position of vulnerability
            - [ ] The victim's nationality
              > Nationality is not a means.
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
              > Police, not judicial.
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
              > She withdraws.
            - [Arrange a safe place first](#safe-place) (2 points)
              > She calms down.

            ## Safe place

            She agrees to talk later.

            - [Plan the hearing with an interpreter](#end) (1 point)
              > The account is clear.
            :::
            """);
    }

    /// <summary>The right response to each question, field names as the page posts them without the <c>q.{id}.</c> prefix.</summary>
    public static Response RightAnswer(string questionId) => questionId switch
    {
        "a-single" => Response.Of("option", "b"),
        "a-multi" => Response.Of("option", "a", "b"),
        "a-tf" => Response.Of("option", "b"),
        "a-text" => Response.Of("text", "  EUROJUST "),
        "a-num" => Response.Of("number", "30 days"),
        "a-order" => Fields(("rank.a", "1"), ("rank.b", "2"), ("rank.c", "3")),
        "a-match" => Fields(("match.a", "a"), ("match.b", "b")),
        "a-case" => Response.Of("path", "at-the-door.b", "safe-place.a"),
        _ => throw new InvalidOperationException($"No answer for question {questionId}."),
    };

    private static Response Fields(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, IReadOnlyList<string>>(f.Name, [f.Value])));

    private static void Write(string root, string relativePath, string text)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
    }
}
