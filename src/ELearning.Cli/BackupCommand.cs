using System.CommandLine;
using Microsoft.Data.Sqlite;

namespace ELearning.Cli;

/// <summary>
/// <c>elearn backup &lt;file&gt;</c>: an online copy of the SQLite database (SQLite's backup API: consistent while the app
/// keeps running and writing), as one self-contained file that is opened and checked with <c>PRAGMA integrity_check</c>
/// before the command reports success.
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Where to write the copy (a new file; an existing one is not overwritten)." };
        var dataDirectory = CliServices.DataDirectoryOption();
        var command = new Command("backup", "Copy the database while the app runs, then check the copy (PRAGMA integrity_check).")
        {
            file, dataDirectory,
        };
        command.SetAction(parse =>
        {
            using var provider = CliServices.Build(parse.GetValue(dataDirectory));
            return Run(CliServices.DatabasePath(provider), parse.GetValue(file)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>0 when the copy is written and intact; 1 when the check fails; 2 when there is nothing to copy or the target exists.</summary>
    internal static int Run(string database, string target, TextWriter output, TextWriter error)
    {
        if (!File.Exists(database))
        {
            error.WriteLine($"error: no database at {database} (start the app or run `elearn users add` first, or pass --data-dir).");
            return 2;
        }
        var path = Path.GetFullPath(target);
        if (File.Exists(path))
        {
            error.WriteLine($"error: {target} exists; choose a new file name.");
            return 2;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // No pooling: both files must be closed when the command ends.
        using (var source = Open(database, SqliteOpenMode.ReadWrite))
        using (var copy = Open(path, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(copy);
            // The copy inherits WAL mode; a backup is one file, without -wal and -shm beside it.
            Execute(copy, "PRAGMA journal_mode=DELETE;");
        }
        using var check = Open(path, SqliteOpenMode.ReadOnly);
        var result = Execute(check, "PRAGMA integrity_check;");
        if (result != "ok")
        {
            error.WriteLine($"error: the copy at {target} failed the integrity check: {result}");
            return 1;
        }
        var users = Execute(check, "SELECT count(*) FROM AspNetUsers;");
        output.WriteLine($"Backed up {database} to {target}: integrity check ok, {users} account{(users == "1" ? "" : "s")}.");
        return 0;
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static string? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
