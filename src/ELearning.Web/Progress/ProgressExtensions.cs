namespace ELearning.Web.Progress;

internal static class ProgressExtensions
{
    /// <summary>Learners' records: the per-request context, the in-memory snapshots, write-behind visits.</summary>
    public static IServiceCollection AddProgress(this IServiceCollection services)
    {
        services.AddOptions<LearnerOptions>().BindConfiguration(LearnerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<LearnerRecords>();
        services.AddScoped<LearnerContext>();
        services.AddSingleton<LessonVisits>();
        services.AddHostedService(sp => sp.GetRequiredService<LessonVisits>());
        return services;
    }
}
