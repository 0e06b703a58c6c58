using ChatService.Hosting;
using Microsoft.Data.Sqlite;

namespace ChatService.Staff;

/// <summary>Staff accounts in SQLite at <c>{Storage:DataDirectory}/staff.db</c>.</summary>
public sealed class SqliteStaffUserStore : IStaffUserStore
{
    private const string Columns = "user_name, password_hash, roles, disabled, failed_attempts, lockout_end, security_stamp, created_at";
    private readonly string _connectionString;
    private readonly Lazy<Task> _schema;

    public SqliteStaffUserStore(IHostEnvironment environment, IConfiguration configuration)
    {
        var directory = ContentPaths.Resolve(environment, configuration["Storage:DataDirectory"] is { Length: > 0 } d ? d : "data");
        Directory.CreateDirectory(directory);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "staff.db"), Pooling = true }.ToString();
        _schema = new(CreateSchemaAsync);
    }

    public async Task<StaffUser?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync($"SELECT {Columns} FROM staff_users WHERE user_name = $user", cancellationToken, ("$user", userName));
        return rows.FirstOrDefault();
    }

    public Task<IReadOnlyList<StaffUser>> ListAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM staff_users ORDER BY user_name", cancellationToken);

    public async Task<bool> CreateAsync(StaffUser user, CancellationToken cancellationToken = default) =>
        await ExecuteAsync($"INSERT OR IGNORE INTO staff_users ({Columns}) VALUES ($user, $hash, $roles, $disabled, $failed, $lockout, $stamp, $created)",
            cancellationToken, Parameters(user)) == 1;

    public async Task<bool> CreateIfEmptyAsync(StaffUser user, CancellationToken cancellationToken = default) =>
        await ExecuteAsync($"INSERT INTO staff_users ({Columns}) SELECT $user, $hash, $roles, $disabled, $failed, $lockout, $stamp, $created " +
            "WHERE NOT EXISTS (SELECT 1 FROM staff_users)", cancellationToken, Parameters(user)) == 1;

    public async Task<bool> UpdateAsync(StaffUser user, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("UPDATE staff_users SET password_hash = $hash, roles = $roles, disabled = $disabled, failed_attempts = $failed, " +
            "lockout_end = $lockout, security_stamp = $stamp WHERE user_name = $user", cancellationToken, Parameters(user)) == 1;

    public async Task<bool> RecordFailureAsync(string userName, int maxAttempts, DateTimeOffset lockoutEnd, CancellationToken cancellationToken = default)
    {
        // One statement, so concurrent failures cannot lose a count.
        var rows = await QueryScalarAsync(
            "UPDATE staff_users SET " +
            "lockout_end = CASE WHEN failed_attempts + 1 >= $max THEN $until ELSE lockout_end END, " +
            "failed_attempts = CASE WHEN failed_attempts + 1 >= $max THEN 0 ELSE failed_attempts + 1 END " +
            "WHERE user_name = $user RETURNING lockout_end = $until", cancellationToken,
            ("$user", userName), ("$max", maxAttempts), ("$until", lockoutEnd.ToUnixTimeMilliseconds()));
        return rows is long locked && locked == 1;
    }

    public Task RecordSuccessAsync(string userName, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE staff_users SET failed_attempts = 0, lockout_end = NULL WHERE user_name = $user", cancellationToken, ("$user", userName));

    private static (string, object?)[] Parameters(StaffUser user) =>
    [
        ("$user", user.UserName), ("$hash", user.PasswordHash), ("$roles", string.Join(',', user.Roles)),
        ("$disabled", user.Disabled ? 1 : 0), ("$failed", user.FailedAttempts), ("$lockout", user.LockoutEnd?.ToUnixTimeMilliseconds()),
        ("$stamp", user.SecurityStamp), ("$created", user.CreatedAt.ToUnixTimeMilliseconds()),
    ];

    private static StaffUser Read(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1),
        reader.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries), reader.GetInt64(3) != 0, reader.GetInt32(4),
        reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        reader.GetString(6), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)));

    private async Task<IReadOnlyList<StaffUser>> QueryAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<StaffUser>();
        while (await reader.ReadAsync(cancellationToken)) users.Add(Read(reader));
        return users;
    }

    private async Task<object?> QueryScalarAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string, object?)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.Value;
        return await OpenRawAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task CreateSchemaAsync()
    {
        await using var connection = await OpenRawAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS staff_users (
                user_name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
                password_hash TEXT NOT NULL,
                roles TEXT NOT NULL,
                disabled INTEGER NOT NULL DEFAULT 0,
                failed_attempts INTEGER NOT NULL DEFAULT 0,
                lockout_end INTEGER NULL,
                security_stamp TEXT NOT NULL,
                created_at INTEGER NOT NULL);
            """;
        await command.ExecuteNonQueryAsync();
    }
}
