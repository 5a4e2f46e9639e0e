using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ELearning.Content.Assessments;
using ELearning.Content.Diagnostics;
using ELearning.Content.Questions;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests.Shipped;

// Proves every item of every shipped assessment answerable and free of leaks. Failures list every offender at once.
public sealed partial class ShippedAssessmentTests
{
    // Answers that are ordinary words give nothing away when another item happens to use them.
    private static readonly HashSet<string> s_commonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "none", "both", "neither", "either", "all", "yes", "with", "that", "this", "from", "have", "they",
        "their", "there", "when", "what", "which", "where", "before", "after", "only", "other", "some", "more", "less",
        "first", "last", "never", "always", "case", "court", "judge", "police", "victim", "victims", "state", "law",
    };

    private static readonly Lazy<IReadOnlyList<Assessment>> s_assessments = new(() =>
    {
        var catalog = ShippedContent.Load();
        var errors = catalog.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the shipped content has errors:\n" + string.Join('\n', errors));
        return [.. catalog.Courses.SelectMany(c => c.Modules).Select(m => m.Assessment).OfType<Assessment>()];
    });

    private static IReadOnlyList<Assessment> Assessments => s_assessments.Value;

    private static IEnumerable<(Assessment Assessment, Question Question)> Items =>
        Assessments.SelectMany(a => a.Questions.Select(q => (a, q)));

    private static string Where(Assessment assessment, Question question) => $"{assessment.SourcePath}:{question.Line} ({question.Id})";

    [Fact]
    public void TheShippedCurriculumHasAssessments() => Assert.NotEmpty(Assessments);

    [Fact]
    public void EveryKeyIsReachableGradingTheCorrectResponseGivesFullMarks()
    {
        var problems = new List<string>();
        foreach (var (assessment, question) in Items)
        {
            var grade = question.Grade(CorrectResponse(question));
            if (grade is null || !grade.IsCorrect)
            {
                problems.Add($"{Where(assessment, question)}: the correct response scores {grade?.Score.ToString(CultureInfo.InvariantCulture) ?? "nothing (refused)"} of {question.Points}");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void NumericTolerancesAreSane()
    {
        var problems = Items
            .Where(i => i.Question is NumericQuestion n && (n.Tolerance < 0 || (n.Answer != 0 && n.Tolerance >= Math.Abs(n.Answer))))
            .Select(i => $"{Where(i.Assessment, i.Question)}: tolerance {((NumericQuestion)i.Question).Tolerance} for answer {((NumericQuestion)i.Question).Answer}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void EveryScenarioStepLeadsToAnEndingAndTheBestPathScoresFullPoints()
    {
        var problems = new List<string>();
        foreach (var (assessment, scenario) in Items.Where(i => i.Question is ScenarioQuestion).Select(i => (i.Assessment, (ScenarioQuestion)i.Question)))
        {
            foreach (var step in Reachable(scenario).Where(s => !CanEnd(scenario, s, [])))
            {
                problems.Add($"{Where(assessment, scenario)}: step '{step.Id}' has no path to an ending");
            }
            var path = BestPath(scenario);
            var walk = scenario.Walk(path);
            var grade = scenario.Grade(new Response([new("path", path)]));
            if (walk is null || !walk.IsFinished)
            {
                problems.Add($"{Where(assessment, scenario)}: the best path does not reach an ending");
            }
            if (grade is null || !grade.IsCorrect || scenario.BestPathPoints <= 0)
            {
                problems.Add($"{Where(assessment, scenario)}: the best path scores {grade?.Score} of {scenario.Points} ({scenario.BestPathPoints} points on it)");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void NoItemGivesAwayTheAnswerOfAnotherItemItCanBeDrawnWith()
    {
        var problems = Leaks(Assessments);
        Assert.True(problems.Count == 0, "items that give away other items' answers (rewrite one, or put both in one group=):\n" + string.Join('\n', problems));
    }

    [Fact]
    public void TheLeakCheckFindsPlantedLeaksButNotWithinAGroup()
    {
        using var content = ContentFolder.WithMinimalCourse().Write("thb/01-hearing/assessment.md", """
            ---
            title: T
            pass_mark: 70
            ---

            Intro.

            ::: question id=gross type=numeric answer=89200
            What was the gross revenue?
            :::

            ::: question id=net type=numeric answer=61000
            Gross revenue was 89,200. What is the net profit?
            :::

            ::: question id=phase type=text
            Which phase follows rapport?

            - [x] Account
            :::

            ::: question id=narrative
            Which comes first?

            - [x] Free narrative
              > Yes: in the account phase the witness speaks first.
            - [ ] Closed questions
            :::

            ::: question id=grouped-a type=text group=g
            Name the tool.

            - [x] Eurojust
            :::

            ::: question id=grouped-b group=g
            Eurojust supports JITs. True?

            - [x] Yes
            - [ ] No
            :::
            """);
        var catalog = content.Load();
        DiagnosticAssert.NoErrors(catalog.Diagnostics);

        var problems = Leaks([catalog.Courses[0].Modules[0].Assessment!]);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("(net): its prompt contains \"89200\", the answer of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("(narrative): its feedback on option a contains \"Account\"", StringComparison.Ordinal));
    }

    private static List<string> Leaks(IEnumerable<Assessment> assessments)
    {
        var problems = new List<string>();
        foreach (var assessment in assessments)
        {
            foreach (var giver in assessment.Questions)
            {
                var visible = VisibleTexts(giver).ToList();
                foreach (var taker in assessment.Questions.Where(t => t.Id != giver.Id && !SameGroup(assessment, giver, t)))
                {
                    // An item whose own prompt names an accepted answer (pick the state among those named) keeps no
                    // secret word: other items naming it give nothing away.
                    var answers = Answers(taker).ToList();
                    if (answers.Any(a => a.Pattern.IsMatch(Text(taker.PromptHtml))))
                    {
                        continue;
                    }
                    foreach (var answer in answers)
                    {
                        if (visible.Where(v => answer.Pattern.IsMatch(v.Text)).Select(v => v.Part).FirstOrDefault() is { } part)
                        {
                            problems.Add($"{Where(assessment, giver)}: its {part} contains \"{answer.Text}\", the answer of {Where(assessment, taker)}");
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static bool SameGroup(Assessment assessment, Question a, Question b) =>
        assessment.GroupOf(a) is { } group && group == assessment.GroupOf(b);

    private static Response CorrectResponse(Question question) => question switch
    {
        ChoiceQuestion c => new([new("option", [.. c.Options.Where(o => o.IsCorrect).Select(o => o.Id)])]),
        TextQuestion t => Response.Of("text", t.Answers.First(a => a.IsCorrect).Text),
        NumericQuestion n => Response.Of("number", n.Answer.ToString(CultureInfo.InvariantCulture)),
        OrderingQuestion o => new(o.Items.Select((item, i) => new KeyValuePair<string, IReadOnlyList<string>>(
            "rank." + item.Id, [(i + 1).ToString(CultureInfo.InvariantCulture)]))),
        MatchingQuestion m => new(m.Pairs.Select(p => new KeyValuePair<string, IReadOnlyList<string>>("match." + p.Item.Id, [p.ChoiceId]))),
        ScenarioQuestion s => new([new("path", BestPath(s))]),
        _ => throw new InvalidOperationException($"no correct response for {question.GetType().Name}"),
    };

    private static List<ScenarioStep> Reachable(ScenarioQuestion scenario)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<ScenarioStep>([scenario.Steps[0]]);
        var found = new List<ScenarioStep>();
        while (queue.TryDequeue(out var step))
        {
            if (!seen.Add(step.Id))
            {
                continue;
            }
            found.Add(step);
            foreach (var choice in step.Choices)
            {
                if (choice.Target is not null && scenario.FindStep(choice.Target) is { } next)
                {
                    queue.Enqueue(next);
                }
            }
        }
        return found;
    }

    private static bool CanEnd(ScenarioQuestion scenario, ScenarioStep step, HashSet<string> onPath) =>
        step.IsEnding || (onPath.Add(step.Id) && step.Choices.Any(c =>
            c.Target is null || (scenario.FindStep(c.Target) is { } next && CanEnd(scenario, next, [.. onPath]))));

    // The choices that collect the most points from the start to an ending.
    private static string[] BestPath(ScenarioQuestion scenario)
    {
        return [.. From(scenario.Steps[0]).Path];

        (decimal Points, List<string> Path) From(ScenarioStep step)
        {
            var best = (Points: 0m, Path: new List<string>());
            var first = true;
            foreach (var choice in step.Choices)
            {
                var rest = choice.Target is not null && scenario.FindStep(choice.Target) is { } next ? From(next) : (0m, []);
                var points = choice.Points + rest.Points;
                if (first || points > best.Points)
                {
                    best = (points, [choice.Id, .. rest.Path]);
                    first = false;
                }
            }
            return best;
        }
    }

    private sealed record AnswerText(string Text, Regex Pattern);

    // The accepted text answers and numeric answers worth looking for: 4 characters or more and not common words.
    private static IEnumerable<AnswerText> Answers(Question question)
    {
        switch (question)
        {
            case TextQuestion text:
                foreach (var answer in text.Answers.Where(a => a.IsCorrect).Select(a => a.Text.Trim()))
                {
                    if (answer.Length >= 4 && !s_commonWords.Contains(answer))
                    {
                        yield return new AnswerText(answer, new Regex(
                            @"(?<![\p{L}\p{N}])" + Regex.Escape(answer).Replace(@"\ ", @"\s+", StringComparison.Ordinal) + @"(?![\p{L}\p{N}])",
                            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
                    }
                }
                break;
            case NumericQuestion numeric:
                var plain = numeric.Answer.ToString(CultureInfo.InvariantCulture);
                if (plain.Length >= 4)
                {
                    // The number as written with or without thousands marks (89200, 89,200, 89.200, 89 200).
                    var integral = Math.Truncate(Math.Abs(numeric.Answer)).ToString(CultureInfo.InvariantCulture);
                    var fraction = plain.Contains('.', StringComparison.Ordinal) ? @"[.,]" + plain[(plain.IndexOf('.', StringComparison.Ordinal) + 1)..] : "";
                    var grouped = string.Join(@"[,.\s\u00a0\u202f]?", Groups(integral));
                    yield return new AnswerText(plain, new Regex(
                        @"(?<![\d.,])" + grouped + fraction + @"(?![\d]|[.,]\d)", RegexOptions.CultureInvariant));
                }
                break;
        }
    }

    // "89200" → ["89", "200"]: groups of three digits from the right.
    private static IEnumerable<string> Groups(string digits)
    {
        var head = digits.Length % 3;
        if (head > 0)
        {
            yield return digits[..head];
        }
        for (var i = head; i < digits.Length; i += 3)
        {
            yield return digits[i..(i + 3)];
        }
    }

    // What an item tells a learner besides its choices: the prompt (a scenario's introduction), the feedback on
    // options and anticipated answers, and scenario consequences (shown during the attempt, as the case unfolds).
    private static IEnumerable<(string Part, string Text)> VisibleTexts(Question question)
    {
        yield return ("prompt", Text(question.PromptHtml));
        switch (question)
        {
            case ChoiceQuestion choice:
                foreach (var option in choice.Options.Where(o => o.FeedbackHtml is not null))
                {
                    yield return ($"feedback on option {option.Id}", Text(option.FeedbackHtml!));
                }
                break;
            case TextQuestion text:
                foreach (var answer in text.Answers.Where(a => a.FeedbackHtml is not null))
                {
                    yield return ($"feedback on \"{answer.Text}\"", Text(answer.FeedbackHtml!));
                }
                break;
            case ScenarioQuestion scenario:
                foreach (var choice in scenario.Steps.SelectMany(s => s.Choices).Where(c => c.ConsequenceHtml is not null))
                {
                    yield return ($"consequence of {choice.Id}", Text(choice.ConsequenceHtml!));
                }
                break;
        }
    }

    private static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
