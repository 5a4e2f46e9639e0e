namespace ELearning.Web.Progress;

/// <summary>One learner's record of one lesson: opened, and possibly completed.</summary>
internal sealed class LessonProgress
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string CourseSlug { get; set; }
    public required string ModuleSlug { get; set; }
    public required string LessonSlug { get; set; }

    /// <summary>The lesson file's version when last opened or completed.</summary>
    public required string ContentVersion { get; set; }
    public DateTime FirstOpenedAt { get; set; }
    public DateTime LastOpenedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

/// <summary>An answer to a knowledge check, graded on the server. Every try is kept.</summary>
internal sealed class KnowledgeCheckAnswer
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string CourseSlug { get; set; }
    public required string ModuleSlug { get; set; }
    public required string LessonSlug { get; set; }
    public required string QuestionId { get; set; }
    public required string ContentVersion { get; set; }

    /// <summary>The response as JSON (field → values, see <c>ELearning.Content.Questions.Response</c>).</summary>
    public required string Response { get; set; }
    public bool Correct { get; set; }
    public decimal Score { get; set; }
    public DateTime AnsweredAt { get; set; }
}
