using ELearning.Web.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ELearning.Web.Tests.Storage;

public sealed class StorageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "elearning-tests", Guid.NewGuid().ToString("N"));

    public StorageTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task TheHandWrittenMigrationsBuildExactlyTheSchemaOfTheModel()
    {
        var migrated = Path.Combine(_folder, "migrated.db");
        var created = Path.Combine(_folder, "created.db");
        await using (var db = Open(migrated))
        {
            await db.Database.MigrateAsync();
        }
        await using (var db = Open(created))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await DescribeAsync(created);
        var actual = await DescribeAsync(migrated);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task UpgradingADatabaseWithAnswersKeepsThemInTheNewForm()
    {
        var path = Path.Combine(_folder, "upgrade.db");
        await using (var db = Open(path))
        {
            await db.Database.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("20261123000000_Initial");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "AspNetUsers" ("Id", "DisplayName", "Country", "Profession", "Institution", "RegisteredAt", "EmailConfirmed",
                    "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                VALUES ('u1', 'Ana', 'RO', 'Judge', 'Court', '2026-01-01 00:00:00', 0, 0, 0, 1, 0);
                INSERT INTO "KnowledgeCheckAnswers" ("UserId", "CourseSlug", "ModuleSlug", "LessonSlug", "QuestionId", "ContentVersion",
                    "SelectedOptions", "Correct", "AnsweredAt")
                VALUES ('u1', 'thb', 'hearing', 'first', 'peace-first', 'v1', 'a b', 1, '2026-01-02 00:00:00'),
                       ('u1', 'thb', 'hearing', 'first', 'peace-first', 'v1', 'c', 0, '2026-01-03 00:00:00');
                """);
        }
        await using (var db = Open(path))
        {
            await db.Database.MigrateAsync();
            var answers = await db.KnowledgeCheckAnswers.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(["""{"option":["a","b"]}""", """{"option":["c"]}"""], answers.Select(a => a.Response));
            Assert.Equal([1m, 0m], answers.Select(a => a.Score));
            Assert.Equal([true, false], answers.Select(a => a.Correct));
            Assert.Equal("Ana", (await db.Users.SingleAsync()).DisplayName);
            // The rebuilt table still hands out new ids after the copied ones.
            db.KnowledgeCheckAnswers.Add(new ELearning.Web.Progress.KnowledgeCheckAnswer
            {
                UserId = "u1", CourseSlug = "thb", ModuleSlug = "hearing", LessonSlug = "first", QuestionId = "q", ContentVersion = "v2",
                Response = "{}", AnsweredAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            Assert.Equal(3, await db.KnowledgeCheckAnswers.CountAsync());
        }
    }

    [Fact]
    public async Task TheDatabaseRunsInWalModeWithFullSync()
    {
        var path = Path.Combine(_folder, "wal.db");
        await using var db = Open(path);
        await db.Database.MigrateAsync();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, (long?)await command.ExecuteScalarAsync()); // 2 = FULL
    }

    private static AppDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={path};Pooling=False")
            .AddInterceptors(new SqlitePragmas())
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options);

    /// <summary>Tables, columns (type, nullability, key position), indexes and foreign keys, as SQLite reports them.</summary>
    private static async Task<List<string>> DescribeAsync(string path)
    {
        var lines = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock') ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            lines.AddRange(await RowsAsync(connection, $"PRAGMA table_info(\"{table}\")", r => $"{table} column {r.GetString(1)} {r.GetString(2)} notnull={r.GetInt64(3)} pk={r.GetInt64(5)}"));
            lines.AddRange(await RowsAsync(connection, $"PRAGMA foreign_key_list(\"{table}\")", r => $"{table} fk {r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} delete={r.GetString(6)}"));
            var indexes = await RowsAsync(connection, $"PRAGMA index_list(\"{table}\")", r => $"{r.GetString(1)}|{r.GetInt64(2)}");
            foreach (var index in indexes.Where(i => !i.StartsWith("sqlite_autoindex", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var name = index.Split('|')[0];
                var columns = await RowsAsync(connection, $"PRAGMA index_info(\"{name}\")", r => r.GetString(2));
                lines.Add($"{table} index {index} ({string.Join(",", columns)})");
            }
        }
        lines.AddRange(await RowsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%' ORDER BY name", r => "autoincrement " + r.GetString(0)));
        return lines;
    }

    private static async Task<List<string>> RowsAsync(SqliteConnection connection, string sql, Func<SqliteDataReader, string> map)
    {
        var rows = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
