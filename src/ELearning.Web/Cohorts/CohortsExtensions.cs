namespace ELearning.Web.Cohorts;

internal static class CohortsExtensions
{
    /// <summary>Training sessions: who may open content restricted to cohorts (pages live in Cohorts/Pages).</summary>
    public static IServiceCollection AddCohorts(this IServiceCollection services)
    {
        services.AddScoped<CohortContent>();
        return services;
    }
}
