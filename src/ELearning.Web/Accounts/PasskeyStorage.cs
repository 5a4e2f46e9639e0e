using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ELearning.Web.Accounts;

/// <summary>
/// Identity 10's passkey table (schema version 3), declared here as well so the model is the same whether or not the
/// context sees Identity's options (the CLI, design-time tools and the schema test build it without them).
/// </summary>
internal static class PasskeyStorage
{
    /// <summary>WebAuthn limits a credential id to 1,023 bytes.</summary>
    public const int CredentialIdLength = 1024;

    public static void Configure(EntityTypeBuilder<IdentityUserPasskey<string>> passkey)
    {
        passkey.ToTable("AspNetUserPasskeys");
        passkey.HasKey(p => p.CredentialId);
        passkey.Property(p => p.CredentialId).HasMaxLength(CredentialIdLength);
        passkey.OwnsOne(p => p.Data).ToJson();
        passkey.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).IsRequired().OnDelete(DeleteBehavior.Cascade);
    }
}
