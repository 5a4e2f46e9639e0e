using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace ELearning.Web.Storage;

internal static class StorageExtensions
{
    /// <summary>The SQLite database under <c>Storage:DataDirectory</c>, shared by the web app and the CLI.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqliteWriteGate>();
        // Pooled: the options (connection string, interceptors) are built once, and a request rents a context instead of
        // building one; every signed-in page resolves it (LearnerContext), most without running a command.
        services.AddDbContextPool<AppDbContext>((sp, options) =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var connection = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(storage.FullDataDirectory, "elearning.db"),
                Cache = SqliteCacheMode.Private,
                Pooling = true,
            };
            options.UseSqlite(connection.ConnectionString)
                .AddInterceptors(new SqlitePragmas(), sp.GetRequiredService<SqliteWriteGate>())
                // Migrations are hand-written (the EF design package is unavailable) and have no model snapshot;
                // StorageTests compares the migrated schema with the model instead.
                .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });

        // Cookie and token keys live beside the database, so sign-ins and reset links survive restarts and redeploys.
        services.AddDataProtection().SetApplicationName("ELearning");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(EnsureKeysDirectory(sp.GetRequiredService<IOptions<StorageOptions>>().Value)),
                sp.GetRequiredService<ILoggerFactory>())));
        return services;
    }

    /// <summary>
    /// <c>{DataDirectory}/keys</c>, created open to the app's own user only (0700) on Unix; an existing folder is
    /// tightened, since the cookie, reset-token and alias keys in it are as good as every password.
    /// </summary>
    public static string EnsureKeysDirectory(StorageOptions storage) => EnsureOwnerOnlyDirectory(storage, "keys");

    /// <summary><c>{DataDirectory}/{name}</c> open to the app's own user only (0700 on Unix), for secrets such as keys.</summary>
    public static string EnsureOwnerOnlyDirectory(StorageOptions storage, string name)
    {
        var path = Path.Combine(storage.FullDataDirectory, name);
        if (OperatingSystem.IsWindows())
        {
            // The folder inherits the data directory's ACL; Windows has no mode bits to set.
            Directory.CreateDirectory(path);
            return path;
        }
        Directory.CreateDirectory(storage.FullDataDirectory);
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(path, ownerOnly);
        if (File.GetUnixFileMode(path) != ownerOnly)
        {
            File.SetUnixFileMode(path, ownerOnly);
        }
        return path;
    }

    /// <summary>Creates the data directory and applies pending migrations.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Directory.CreateDirectory(storage.FullDataDirectory);
        // At start-up, before anything writes a key into it.
        EnsureKeysDirectory(storage);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
