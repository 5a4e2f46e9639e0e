using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ELearning.Web.Storage;

/// <summary>
/// One SQLite writer at a time in this process, waited for asynchronously. SQLite allows one writer per database; when
/// two connections try, the loser waits inside SQLite's busy handler, which sleeps on a thread-pool thread. Under a burst
/// (500 learners pressing Submit) those sleeping threads starve the pool and every request queues. With this gate a
/// waiting writer holds no thread, and SQLite never sees a second writer from this process (the CLI beside the app
/// still relies on the busy timeout).
/// <para>
/// A write is an explicit transaction (held from its start to its commit, rollback or the connection closing) or a
/// single INSERT, UPDATE, DELETE or REPLACE outside one (held while it runs).
/// </para>
/// </summary>
internal sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, Holder> _holders = [];

    // A finished SqliteTransaction forgets its connection: remember which holder it belongs to.
    private readonly ConditionalWeakTable<DbTransaction, Holder> _transactions = [];

    public void Dispose() => _gate.Dispose();

    private sealed class Holder
    {
        public bool Held;
    }

    // Transactions.
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _transactions.AddOrUpdate(result, _holders.GetOrCreateValue(connection));
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Exit(transaction);

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Exit(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Exit(transaction);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Exit(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Exit(transaction);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Exit(transaction);

    // A transaction disposed without commit or rollback ends when its connection closes.
    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Exit(connection);

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Exit(connection);

    // Single writes outside a transaction.
    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command))
        {
            await EnterAsync(command.Connection!, cancellationToken);
        }
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsLoneWrite(command))
        {
            Enter(command.Connection!);
        }
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command))
        {
            await EnterAsync(command.Connection!, cancellationToken);
        }
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsLoneWrite(command))
        {
            Enter(command.Connection!);
        }
        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await ExitLoneWrite(command);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ExitLoneWrite(command);
        return result;
    }

    // A reader (INSERT … RETURNING) has written once it is closed.
    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        ExitLoneWrite(command);
        return result;
    }

    public async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        await ExitLoneWrite(command);
        return result;
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) => ExitLoneWrite(command);

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ExitLoneWrite(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default) => ExitLoneWrite(command);

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ExitLoneWrite(command);

    private static bool IsLoneWrite(DbCommand command)
    {
        if (command.Transaction is not null || command.Connection is null)
        {
            return false;
        }
        var sql = command.CommandText.AsSpan().TrimStart();
        return sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    private Task ExitLoneWrite(DbCommand command) =>
        command.Transaction is null && command.Connection is not null ? Exit(command.Connection) : Task.CompletedTask;

    private async Task EnterAsync(DbConnection connection, CancellationToken cancel)
    {
        var holder = _holders.GetOrCreateValue(connection);
        if (holder.Held)
        {
            return;
        }
        await _gate.WaitAsync(cancel);
        holder.Held = true;
    }

    private void Enter(DbConnection connection)
    {
        var holder = _holders.GetOrCreateValue(connection);
        if (holder.Held)
        {
            return;
        }
        _gate.Wait();
        holder.Held = true;
    }

    private Task Exit(DbConnection? connection) =>
        Release(connection is not null && _holders.TryGetValue(connection, out var holder) ? holder : null);

    private Task Exit(DbTransaction transaction) => Release(_transactions.TryGetValue(transaction, out var holder) ? holder : null);

    private Task Release(Holder? holder)
    {
        if (holder is { Held: true })
        {
            holder.Held = false;
            _gate.Release();
        }
        return Task.CompletedTask;
    }
}
