using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace ELearning.Web;

internal static class ShippedDefaults
{
    /// <summary>
    /// Puts the app's own <c>appsettings.json</c> (and <c>appsettings.{Environment}.json</c>), copied beside the binaries,
    /// first among the configuration sources: <c>dotnet run</c> works from the repository root, where no settings file
    /// is, so without this the defaults would never be read.
    /// </summary>
    public static void AddShippedDefaults(this ConfigurationManager configuration, string environment)
    {
        var folder = new PhysicalFileProvider(AppContext.BaseDirectory);
        IConfigurationSource[] shipped =
        [
            new JsonConfigurationSource { FileProvider = folder, Path = "appsettings.json", Optional = true },
            new JsonConfigurationSource { FileProvider = folder, Path = $"appsettings.{environment}.json", Optional = true },
        ];
        for (var i = shipped.Length - 1; i >= 0; i--)
        {
            configuration.Sources.Insert(0, shipped[i]);
        }
    }
}
