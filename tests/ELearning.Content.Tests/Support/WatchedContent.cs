using ELearning.Content.Catalog;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace ELearning.Content.Tests.Support;

/// <summary>
/// A watching loader over a <see cref="ContentFolder"/>, as the web app runs it, with a clock the test moves and change
/// notifications the test sends (<see cref="Notify"/>) instead of a file-system watcher's.
/// </summary>
internal sealed class WatchedContent : IDisposable
{
    private readonly ManualWatchProvider _provider;

    public WatchedContent(ContentFolder folder, TimeSpan? budget = null)
    {
        Folder = folder;
        _provider = new ManualWatchProvider(new PhysicalFileProvider(folder.Root));
        Loader = new CourseCatalogLoader(_provider, new CatalogLoaderOptions
        {
            WatchForChanges = true,
            ParseBudget = budget ?? TimeSpan.FromSeconds(2),
            Debounce = TimeSpan.FromMilliseconds(100),
            TimeProvider = Clock,
        });
    }

    public ContentFolder Folder { get; }

    public FakeTimeProvider Clock { get; } = new();

    public CourseCatalogLoader Loader { get; }

    /// <summary>What the file watcher does after a save.</summary>
    public void Notify() => _provider.Changed();

    /// <summary>
    /// Moves the clock in steps of <paramref name="step"/> until <paramref name="task"/> completes: the loader's timers
    /// (debounce, parse budget) may be set up a moment after the test acts, so one step might come too early.
    /// </summary>
    public async Task<T> AdvanceUntilAsync<T>(Task<T> task, TimeSpan step)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(60);
        while (!task.IsCompleted && DateTime.UtcNow < giveUp)
        {
            Clock.Advance(step);
            await Task.WhenAny(task, Task.Delay(20));
        }
        return await task;
    }

    public void Dispose()
    {
        Loader.Dispose();
        _provider.Dispose();
        Folder.Dispose();
    }

    private sealed class ManualWatchProvider(PhysicalFileProvider inner) : IFileProvider, IDisposable
    {
        private CancellationTokenSource _change = new();

        public IDirectoryContents GetDirectoryContents(string subpath) => inner.GetDirectoryContents(subpath);

        public IFileInfo GetFileInfo(string subpath) => inner.GetFileInfo(subpath);

        public IChangeToken Watch(string filter) => new CancellationChangeToken(Volatile.Read(ref _change).Token);

        public void Changed()
        {
            var fired = Interlocked.Exchange(ref _change, new CancellationTokenSource());
            fired.Cancel();
            fired.Dispose();
        }

        public void Dispose()
        {
            _change.Dispose();
            inner.Dispose();
        }
    }
}
