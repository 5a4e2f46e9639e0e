using System.Globalization;
using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using ELearning.Content.Questions;

namespace ELearning.Content.Markdown;

// The attributes of a ::: question or ::: scenario fence, validated: unknown keys, keys that do not apply to the type,
// and bad values are reported at the attribute.
internal sealed class QuestionAttributes
{
    public const string Single = "single";
    public const string Multiple = "multiple";
    public const string TrueFalse = "true-false";
    public const string Text = "text";
    public const string Numeric = "numeric";
    public const string Ordering = "ordering";
    public const string Matching = "matching";

    private static readonly string[] s_types = [Single, Multiple, TrueFalse, Text, Numeric, Ordering, Matching];
    private static readonly string[] s_textSwitches = ["ignore-case", "ignore-accents", "ignore-spaces"];
    private static readonly string[] s_numeric = ["answer", "tolerance", "unit"];
    private static readonly string[] s_assessmentKeys = ["lesson", "group"];
    private static readonly string[] s_questionKeys = ["id", "type", "points", "scoring", .. s_textSwitches, .. s_numeric, .. s_assessmentKeys];
    private static readonly string[] s_scenarioKeys = ["id", "points", .. s_assessmentKeys];

    public QuestionIdUse? Id { get; private set; }

    // As written; null when absent or invalid (then a choice question's kind comes from its [x] count).
    public string? Type { get; private set; }
    public decimal Points { get; private set; } = 1;
    public Scoring? Scoring { get; private set; }
    public BlockAttribute? ScoringAttribute { get; private set; }
    public bool IgnoreCase { get; private set; } = true;
    public bool IgnoreAccents { get; private set; } = true;
    public bool IgnoreSpaces { get; private set; } = true;
    public decimal? Answer { get; private set; }
    public decimal Tolerance { get; private set; }
    public string? Unit { get; private set; }

    // Assessment items only: the lesson of the module the item tests (checked against the module's lessons by the
    // catalog), and the exclusive group an attempt draws at most one item from.
    public SlugUse? Lesson { get; private set; }
    public string? Group { get; private set; }

    public static QuestionAttributes Read(QuestionBlock block, BlockHeader header, DiagnosticBag diagnostics, bool inAssessment)
    {
        var result = new QuestionAttributes();
        var isScenario = block.IsScenario;
        var known = isScenario ? s_scenarioKeys : s_questionKeys;
        var line = header.Line;

        // The type first: which other attributes apply depends on it.
        var typeAttribute = isScenario ? null : header.Find("type");
        if (typeAttribute is not null)
        {
            if (s_types.Contains(typeAttribute.Value, StringComparer.Ordinal))
            {
                result.Type = typeAttribute.Value;
            }
            else
            {
                diagnostics.Error(line, typeAttribute.Column,
                    $"type must be one of {string.Join(", ", s_types)}, not '{typeAttribute.Value}'");
            }
        }

        foreach (var attribute in header.Attributes)
        {
            var (key, value, column) = attribute;
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                diagnostics.Error(line, column, isScenario
                    ? $"unknown attribute '{key}'; a scenario takes id=… and optionally points=…, lesson=… and group=…"
                    : $"unknown attribute '{key}'; a question takes {string.Join(", ", s_questionKeys)}");
                continue;
            }
            if (!inAssessment && s_assessmentKeys.Contains(key, StringComparer.Ordinal))
            {
                diagnostics.Error(line, column, $"'{key}' applies to assessment items only (in assessment.md), not to knowledge checks in a lesson");
                continue;
            }
            if (!result.AppliesTo(key, typeAttribute is not null, out var only))
            {
                diagnostics.Error(line, column, $"'{key}' applies to {only} only");
                continue;
            }
            switch (key)
            {
                case "id" when ContentNames.IsSlug(value):
                    result.Id = new QuestionIdUse(value, line, column);
                    break;
                case "id":
                    diagnostics.Error(line, column,
                        $"{block.Noun} id '{value}' must be lowercase letters, digits and hyphens, e.g. id=peace-first");
                    break;
                case "points":
                    if (ParseNumber(value, allowSign: false) is > 0 and var points)
                    {
                        result.Points = points;
                    }
                    else
                    {
                        diagnostics.Error(line, column, $"points must be a positive number with a '.' decimal point, e.g. points=2 or points=0.5, not '{value}'");
                    }
                    break;
                case "scoring":
                    result.ScoringAttribute = attribute;
                    result.Scoring = value switch
                    {
                        "all-or-nothing" => Questions.Scoring.AllOrNothing,
                        "partial" => Questions.Scoring.Partial,
                        _ => null,
                    };
                    if (result.Scoring is null)
                    {
                        diagnostics.Error(line, column, $"scoring must be all-or-nothing or partial, not '{value}'");
                    }
                    break;
                case "ignore-case" or "ignore-accents" or "ignore-spaces":
                    if (value is not ("true" or "false"))
                    {
                        diagnostics.Error(line, column, $"{key} must be true or false, not '{value}'");
                        break;
                    }
                    if (key == "ignore-case")
                    {
                        result.IgnoreCase = value == "true";
                    }
                    else if (key == "ignore-accents")
                    {
                        result.IgnoreAccents = value == "true";
                    }
                    else
                    {
                        result.IgnoreSpaces = value == "true";
                    }
                    break;
                case "answer":
                    result.Answer = ParseNumber(value, allowSign: true);
                    if (result.Answer is null)
                    {
                        diagnostics.Error(line, column, $"answer must be a number with a '.' decimal point, e.g. answer=126000 or answer=2.5, not '{value}'");
                    }
                    break;
                case "tolerance":
                    if (ParseNumber(value, allowSign: false) is { } tolerance)
                    {
                        result.Tolerance = tolerance;
                    }
                    else
                    {
                        diagnostics.Error(line, column, $"tolerance must be a number of 0 or more with a '.' decimal point, e.g. tolerance=0.5, not '{value}'");
                    }
                    break;
                case "lesson" when ContentNames.IsSlug(value):
                    result.Lesson = new SlugUse(value, line, column);
                    break;
                case "lesson":
                    diagnostics.Error(line, column,
                        $"lesson must be the slug of a lesson of this module (its file name without number and .md, e.g. lesson=why-different for 01-why-different.md), not '{value}'");
                    break;
                case "group" when ContentNames.IsSlug(value):
                    result.Group = value;
                    break;
                case "group":
                    diagnostics.Error(line, column, $"group must be lowercase letters, digits and hyphens, e.g. group=peace-phases, not '{value}'");
                    break;
                case "unit" when value.Trim().Length == 0:
                    diagnostics.Error(line, column, "unit must not be empty; leave it out if the answer has no unit");
                    break;
                case "unit":
                    result.Unit = value.Trim();
                    break;
            }
        }

        if (result.Id is null && header.Find("id") is null)
        {
            diagnostics.Error(line, block.Column + 1,
                $"the {block.Noun} has no id; write '::: {block.Noun} id=some-id' (the id stores learners' answers, keep it stable)");
        }
        if (result.Type == Numeric && header.Find("answer") is null)
        {
            diagnostics.Error(line, typeAttribute!.Column, "a numeric question needs answer=…, e.g. answer=126000");
        }
        return result;
    }

    // Whether key may appear with this question's type; for scoring without a type the question is checked once the
    // [x] count shows whether it is multiple choice.
    private bool AppliesTo(string key, bool hasTypeAttribute, out string only)
    {
        only = "";
        if (!hasTypeAttribute && key == "scoring")
        {
            return true;
        }
        if (hasTypeAttribute && Type is null)
        {
            // An invalid type is already reported; do not pile errors on the attributes that depend on it.
            return true;
        }
        if (key == "scoring" && Type is not (Multiple or Ordering or Matching))
        {
            only = "type=multiple, type=ordering and type=matching";
            return false;
        }
        if (s_textSwitches.Contains(key, StringComparer.Ordinal) && Type != Text)
        {
            only = "type=text";
            return false;
        }
        if (s_numeric.Contains(key, StringComparer.Ordinal) && Type != Numeric)
        {
            only = "type=numeric";
            return false;
        }
        return true;
    }

    // Author-written numbers: digits with an optional '.' part, invariant culture, no exponent or thousands marks.
    private static decimal? ParseNumber(string value, bool allowSign) =>
        decimal.TryParse(
            value,
            allowSign ? NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign : NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture,
            out var number)
            ? number
            : null;
}
