using System.ComponentModel.DataAnnotations;

namespace ELearning.Web.Storage;

internal sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the SQLite database and the outgoing mail pickup folder; relative to the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
