using System.CommandLine;
using ELearning.Web.Accounts;
using ELearning.Web.Storage;
using Microsoft.Extensions.Options;

namespace ELearning.Cli;

/// <summary>The app's storage and account stores, configured as the web app reads them (environment, then --data-dir).</summary>
internal static class CliServices
{
    /// <summary>
    /// The app's storage and account stores, plus what <paramref name="more"/> adds (mail, credentials…), configured from
    /// the working directory's appsettings.json, the environment, then --data-dir.
    /// </summary>
    public static ServiceProvider Build(string? dataDirectory, Action<IServiceCollection, IConfiguration>? more = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(dataDirectory is null ? [] : [new("Storage:DataDirectory", dataDirectory)])
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning))
            .AddStorage();
        services.AddAccountStores();
        more?.Invoke(services, configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Builds the services over a migrated database with the three roles, as the web app does at start-up.</summary>
    public static async Task<ServiceProvider> OpenAsync(string? dataDirectory, CancellationToken cancellationToken)
    {
        var provider = Build(dataDirectory);
        await provider.MigrateDatabaseAsync(cancellationToken);
        await provider.EnsureRolesAsync();
        return provider;
    }

    public static string DatabasePath(IServiceProvider provider) =>
        Path.Combine(provider.GetRequiredService<IOptions<StorageOptions>>().Value.FullDataDirectory, "elearning.db");

    public static Option<string?> DataDirectoryOption() =>
        new("--data-dir") { Description = "Overrides Storage:DataDirectory (default ./data, or the Storage__DataDirectory variable)." };
}
