using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ELearning.Web.Accounts;

/// <summary>One signed-in browser. Its id travels inside the encrypted auth cookie; deleting the row ends the session.</summary>
internal sealed class UserSession
{
    public const int IdLength = 32;
    public const int UserAgentLength = 256;

    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>Approximate: kept in memory per request and written behind every few minutes.</summary>
    public DateTime LastSeenAt { get; set; }
    public string UserAgent { get; set; } = "";

    public static void Configure(EntityTypeBuilder<UserSession> session)
    {
        session.ToTable("UserSessions");
        session.Property(s => s.Id).HasMaxLength(IdLength);
        session.Property(s => s.UserAgent).HasMaxLength(UserAgentLength);
        session.HasIndex(s => s.UserId);
        session.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
