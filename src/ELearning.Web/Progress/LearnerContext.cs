using ELearning.Content.Catalog;
using ELearning.Web.Accounts;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Identity;

namespace ELearning.Web.Progress;

/// <summary>
/// The request's learner: who they are, the catalog this request sees, and their snapshot, each read at most once per
/// request (the snapshot usually from memory). Pages and endpoints ask here instead of querying progress themselves.
/// </summary>
internal sealed class LearnerContext(IHttpContextAccessor http, UserManager<AppUser> users, CourseCatalogLoader loader, AppDbContext db, LearnerRecords records)
{
    private CourseCatalog? _catalog;
    private LearnerSnapshot? _snapshot;

    private HttpContext Http => http.HttpContext ?? throw new InvalidOperationException("LearnerContext is used outside a request.");

    /// <summary>Null for visitors.</summary>
    public string? UserId => users.GetUserId(Http.User);

    public CourseCatalog Catalog => _catalog ??= loader.GetCatalog();

    /// <summary>The learner's snapshot; empty for visitors.</summary>
    public async Task<LearnerSnapshot> SnapshotAsync()
    {
        if (_snapshot is null)
        {
            _snapshot = UserId is { } userId ? await records.GetAsync(db, userId, Http.RequestAborted) : LearnerSnapshot.Empty;
        }
        return _snapshot;
    }

    /// <summary>After this learner's write is committed: later reads (this request's too) see it.</summary>
    public void Changed()
    {
        if (UserId is { } userId)
        {
            records.Invalidate(userId);
        }
        _snapshot = null;
    }
}
