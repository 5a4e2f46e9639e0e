namespace ELearning.Web.Analysis;

internal static class AnalysisExtensions
{
    /// <summary>The learner-facing posts of measurement: taking or skipping a pre-test, answering a survey.</summary>
    public static IEndpointRouteBuilder MapAnalysis(this IEndpointRouteBuilder app)
    {
        app.MapPretests();
        app.MapSurveys();
        return app;
    }
}
