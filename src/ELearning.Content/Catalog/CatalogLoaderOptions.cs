namespace ELearning.Content.Catalog;

/// <summary>How a <see cref="CourseCatalogLoader"/> keeps its catalog current.</summary>
public sealed class CatalogLoaderOptions
{
    /// <summary>
    /// Watch the content root and rebuild in the background after a change (the web app). Off (lint, tests): every
    /// <see cref="CourseCatalogLoader.GetCatalog"/> walks the tree and parses what changed on the calling thread.
    /// </summary>
    public bool WatchForChanges { get; init; }

    /// <summary>
    /// When watching: the longest one file may take to parse. A file over it is reported as an error and its last
    /// good version keeps serving. Null: no limit (lint, so that its verdict never depends on the machine's load).
    /// </summary>
    public TimeSpan? ParseBudget { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>When watching: how long to wait after a change for more (an editor saving several files, a git pull).</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Clock for the debounce and the parse budget; tests move it.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
