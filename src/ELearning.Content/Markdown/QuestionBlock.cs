using Markdig.Parsers;
using Markdig.Syntax;

namespace ELearning.Content.Markdown;

// A ::: question … ::: or ::: scenario … ::: block; its children are the Markdown between the fences.
internal sealed class QuestionBlock(BlockParser parser) : ContainerBlock(parser)
{
    public const string QuestionWord = "question";
    public const string ScenarioWord = "scenario";

    // The text after the opening colons, e.g. question id=peace-first.
    public required string Header { get; init; }

    // 0-based column of Header's first character.
    public required int HeaderColumn { get; init; }

    // The header's first word: question, scenario, or whatever the author wrote (reported as unknown).
    public string Kind => Header.TrimStart().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : "";

    public bool IsScenario => Kind == ScenarioWord;

    // "question" or "scenario", for messages.
    public string Noun => IsScenario ? ScenarioWord : Kind == SurveyReader.Word ? SurveyReader.Word : QuestionWord;

    // False when the document ended before a closing :::.
    public bool IsClosed { get; set; }
}
