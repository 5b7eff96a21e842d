using System.ComponentModel.DataAnnotations;

namespace Aura.Core.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The folder of the database file. A relative path is taken relative to the content root
    /// (the host's <c>ContentRootPath</c>; the current directory when there is no host), the
    /// same rule as the jobs' own data folder.
    /// </summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>The database file's name inside <see cref="DataFolder"/> (a bare name, no folders).</summary>
    [Required]
    public string FileName { get; set; } = "aura.db";

    /// <summary>How long an operation waits while another process holds the file's write lock.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The database file's absolute path, resolving a relative <see cref="DataFolder"/> against <paramref name="contentRoot"/>.</summary>
    public string DatabasePath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, DataFolder, FileName));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Provider))
            yield return new ValidationResult($"Storage:Provider must be one of {string.Join(", ", Enum.GetNames<StorageProvider>())}.", [nameof(Provider)]);
        if (FileName != Path.GetFileName(FileName) || FileName is "." or ".." || FileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            yield return new ValidationResult($"Storage:FileName must be a bare file name, not '{FileName}'.", [nameof(FileName)]);
        if (DataFolder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            yield return new ValidationResult($"Storage:DataFolder is not a valid path: '{DataFolder}'.", [nameof(DataFolder)]);
    }
}
