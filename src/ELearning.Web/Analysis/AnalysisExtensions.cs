namespace ELearning.Web.Analysis;

internal static class AnalysisExtensions
{
    /// <summary>The learner-facing posts of measurement: taking or skipping a pre-test.</summary>
    public static IEndpointRouteBuilder MapAnalysis(this IEndpointRouteBuilder app)
    {
        app.MapPretests();
        return app;
    }
}
