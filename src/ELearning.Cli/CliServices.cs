using System.CommandLine;
using ELearning.Web.Accounts;
using ELearning.Web.Storage;
using Microsoft.Extensions.Options;

namespace ELearning.Cli;

/// <summary>The app's storage and account stores, configured as the web app reads them (environment, then --data-dir).</summary>
internal static class CliServices
{
    public static ServiceProvider Build(string? dataDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(dataDirectory is null ? [] : [new("Storage:DataDirectory", dataDirectory)])
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning))
            .AddStorage();
        services.AddAccountStores();
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
