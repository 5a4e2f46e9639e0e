using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

// The web app's loader: rebuilds after a change run in the background, and requests never wait for them. Ordering is
// asserted through the loader's hooks and events, never through timings (those are in tests/load).
public sealed class BackgroundRebuildTests
{
    private const string Intro = "thb/01-hearing/01-intro.md";
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);

    // Markdig looks for the end of every "[a](" link to the end of the text: quadratic, seconds for 80 KiB.
    private static readonly string Pathological = string.Concat(Enumerable.Repeat("[a](", 20_000));

    [Fact]
    public async Task ARequestDuringTheParseOfAPathologicalFileGetsThePreviousCatalogAtOnce()
    {
        using var content = new WatchedContent(ContentFolder.WithMinimalCourse().Lesson("thb/01-hearing/02-other.md"));
        var before = content.Loader.GetCatalog();
        var parsing = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var proceed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        content.Loader.BeforeParse = path =>
        {
            if (path == Intro)
            {
                parsing.TrySetResult(true);
                proceed.Task.Wait();
            }
        };
        var rebuilt = new TaskCompletionSource<CourseCatalog>(TaskCreationOptions.RunContinuationsAsynchronously);
        content.Loader.CatalogRebuilt += catalog => rebuilt.TrySetResult(catalog);

        content.Folder.Lesson(Intro, Pathological).Lesson("thb/01-hearing/02-other.md", "A longer, edited body.\n", "title: Edited\nsummary: S\nminutes: 5\n");
        content.Notify();
        await content.AdvanceUntilAsync(parsing.Task, Debounce);

        // The rebuild is inside the pathological file; a request is answered from the catalog it had.
        var during = await Task.Run(content.Loader.GetCatalog).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Same(before, during);
        Assert.False(rebuilt.Task.IsCompleted);

        proceed.SetResult();
        var after = await content.AdvanceUntilAsync(rebuilt.Task, TimeSpan.FromSeconds(1));

        DiagnosticAssert.HasError(after, Intro, 1, 1, "parsing took longer than 2 s");
        // Over the budget is an error like any other: learners keep the version they had.
        Assert.Same(before.Courses[0].Modules[0].FindLesson("intro"), after.Courses[0].Modules[0].FindLesson("intro"));
        Assert.True(after.ServesPreviousVersion(Intro));
        Assert.Equal("Edited", after.Courses[0].Modules[0].FindLesson("other")!.Title);
        Assert.Same(after, content.Loader.GetCatalog());
    }

    [Fact]
    public async Task ChangesDuringARebuildAreCoalescedIntoOneMoreRebuild()
    {
        using var content = new WatchedContent(ContentFolder.WithMinimalCourse());
        content.Loader.GetCatalog();
        var held = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var proceed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        content.Loader.BeforeParse = path =>
        {
            if (path == "thb/01-hearing/02-first.md")
            {
                held.TrySetResult(true);
                proceed.Task.Wait();
            }
        };
        var rebuilds = new List<CourseCatalog>();
        var complete = new TaskCompletionSource<CourseCatalog>(TaskCreationOptions.RunContinuationsAsynchronously);
        content.Loader.CatalogRebuilt += catalog =>
        {
            lock (rebuilds)
            {
                rebuilds.Add(catalog);
            }
            if (catalog.Courses[0].Modules[0].Lessons.Count == 4)
            {
                complete.TrySetResult(catalog);
            }
        };

        content.Folder.Lesson("thb/01-hearing/02-first.md");
        content.Notify();
        await content.AdvanceUntilAsync(held.Task, Debounce);
        content.Folder.Lesson("thb/01-hearing/03-second.md");
        content.Notify();
        content.Folder.Lesson("thb/01-hearing/04-third.md");
        content.Notify();
        content.Notify();
        proceed.SetResult();
        var last = await content.AdvanceUntilAsync(complete.Task, Debounce);

        Assert.Equal(["intro", "first", "second", "third"], last.Courses[0].Modules[0].Lessons.Select(l => l.Slug));
        lock (rebuilds)
        {
            Assert.Equal(2, rebuilds.Count);
            Assert.Equal(["intro", "first"], rebuilds[0].Courses[0].Modules[0].Lessons.Select(l => l.Slug));
        }
    }

    [Fact]
    public void WithoutWatchingEveryCallParsesOnTheCallingThreadWithoutABudget()
    {
        using var content = ContentFolder.WithMinimalCourse();
        var threads = new List<int>();
        content.Loader.BeforeParse = _ => threads.Add(Environment.CurrentManagedThreadId);

        content.Lesson("thb/01-hearing/02-new.md");
        var catalog = content.Load();

        Assert.Equal(["intro", "new"], catalog.Courses[0].Modules[0].Lessons.Select(l => l.Slug));
        Assert.All(threads, t => Assert.Equal(Environment.CurrentManagedThreadId, t));
        Assert.DoesNotContain(catalog.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}
