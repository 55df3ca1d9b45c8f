using System.Security.Cryptography;
using System.Text;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AgencyWorkroom.Data.Features.Import;

public interface IImportCommands
{
    /// <summary>
    /// Reads a timesheet CSV (streamed: the file is never held whole), stages it, and either lists
    /// what would be rejected and what would be added (a dry run, rolled back), or imports it all
    /// or nothing. The caller must be an admin: the database refuses anyone else.
    /// </summary>
    Task<ImportSummary> ImportTimesheetsAsync(Stream file, string fileName, TimesheetImportOptions options,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a clients CSV (one row per client, its brands in one cell), stages it and lists what
    /// would be rejected, or adds the clients and brands not there yet, all or nothing (052). Admins only.
    /// </summary>
    Task<ImportSummary> ImportClientsAsync(Stream file, string fileName, ImportOptions options,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a people CSV (keyed by e-mail), stages it and lists what would be rejected, or adds the
    /// people not there yet (no sign-in account; a first rate from today when the file carries one),
    /// all or nothing (052). Admins only.
    /// </summary>
    Task<ImportSummary> ImportPeopleAsync(Stream file, string fileName, ImportOptions options,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// The import path of 045, in one unit of work: binary COPY of the parsed rows into a temporary
/// table (COPY cannot write a table under row-level security), one insert into the staging table,
/// <c>agency.timesheet_import_problems</c> (names resolved by the set, every rejection with its
/// line), then <c>agency.import_timesheets</c> (one insert, approved, marked, idempotent). Any
/// rejection, or a dry run, rolls back to the savepoint taken first: nothing stays.
/// </summary>
public sealed class ImportCommands(UnitOfWork unitOfWork) : IImportCommands
{
    /// <summary>How often the reading stage reports, in rows.</summary>
    private const int ReportEvery = 2_000;

    public Task<ImportSummary> ImportTimesheetsAsync(Stream file, string fileName, TimesheetImportOptions options,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
            await transaction.SaveAsync("import", ct);

            await Execute(connection, transaction, """
                create temp table import_timesheet_rows (
                  line_no integer, person_email text, person_name text, client_name text, campaign_code text, campaign_name text,
                  entry_date date, hours numeric(5,2), billable boolean, description text, problem text) on commit drop
                """, ct);

            using var hashing = new HashingStream(file);
            using var csv = new TimesheetCsv(hashing, options.Mapping);
            var total = file.CanSeek ? file.Length : 0;
            var read = 0;
            await using (var copy = await connection.BeginBinaryImportAsync(
                "copy import_timesheet_rows (line_no, person_email, person_name, client_name, campaign_code, campaign_name, " +
                "entry_date, hours, billable, description, problem) from stdin (format binary)", ct))
            {
                foreach (var row in csv.Rows())
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(row.Line, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(row.PersonEmail, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(row.PersonName, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(row.ClientName, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(row.CampaignCode, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(row.CampaignName, NpgsqlDbType.Text, ct);
                    await WriteNullable(copy, row.Date, NpgsqlDbType.Date, ct);
                    await WriteNullable(copy, row.Hours, NpgsqlDbType.Numeric, ct);
                    await WriteNullable(copy, row.Billable, NpgsqlDbType.Boolean, ct);
                    await WriteNullable(copy, row.Notes, NpgsqlDbType.Text, ct);
                    await WriteNullable(copy, row.Problem, NpgsqlDbType.Text, ct);
                    if (++read % ReportEvery == 0)
                    {
                        progress?.Report(new ImportProgress("reading", hashing.BytesRead, total));
                    }
                }

                await copy.CompleteAsync(ct);
            }

            progress?.Report(new ImportProgress("checking", read, read));
            var batchId = Guid.NewGuid();
            await Execute(connection, transaction, """
                insert into agency.import_batches (id, kind, file_name, file_sha256, rows_read) values (@id, 'timesheets', @name, @sha, @rows);
                insert into agency.timesheet_import_rows (batch_id, line_no, person_email, person_name, client_name, campaign_code,
                  campaign_name, entry_date, hours, billable, description, problem)
                select @id, line_no, person_email, person_name, client_name, campaign_code, campaign_name, entry_date, hours, billable,
                       description, problem
                from import_timesheet_rows
                """, ct, ("id", batchId), ("name", Name(fileName)), ("sha", hashing.Hex()), ("rows", read));

            var (rejections, added, imported) = await CheckThenMoveAsync(
                connection, transaction, batchId, "timesheet_import_problems", "import_timesheets", read, options.DryRun, progress, ct);
            return new ImportSummary(Name(fileName), csv.Format, options.DryRun, read, added,
                rejections.Count == 0 ? read - added : 0, rejections, imported ? batchId : null);
        }, cancellationToken);

    public Task<ImportSummary> ImportClientsAsync(Stream file, string fileName, ImportOptions options,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportRosterAsync(file, fileName, options, ImportKind.Clients, progress,
            "line_no integer, name text, code text, industry text, status text, website text, brands text[], problem text",
            "line_no, name, code, industry, status, website, brands, problem",
            input => RosterCsv.Clients(input).ClientRows().Select(r => new object?[]
            {
                r.Line, r.Name, r.Code, r.Industry, r.Status, r.Website, r.Brands, r.Problem,
            }),
            [NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
             NpgsqlDbType.Array | NpgsqlDbType.Text, NpgsqlDbType.Text],
            cancellationToken);

    public Task<ImportSummary> ImportPeopleAsync(Stream file, string fileName, ImportOptions options,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportRosterAsync(file, fileName, options, ImportKind.People, progress,
            "line_no integer, email text, full_name text, agency_role text, title text, department text, " +
            "weekly_capacity_hours numeric(5,2), start_date date, bill_rate numeric(10,2), cost_rate numeric(10,2), problem text",
            "line_no, email, full_name, agency_role, title, department, weekly_capacity_hours, start_date, bill_rate, cost_rate, problem",
            input => RosterCsv.People(input).PersonRows().Select(r => new object?[]
            {
                r.Line, r.Email, r.FullName, r.Role, r.Title, r.Department, r.WeeklyCapacity, r.StartDate, r.BillRate, r.CostRate, r.Problem,
            }),
            [NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
             NpgsqlDbType.Numeric, NpgsqlDbType.Date, NpgsqlDbType.Numeric, NpgsqlDbType.Numeric, NpgsqlDbType.Text],
            cancellationToken);

    /// <summary>
    /// The clients' and people's path, the timesheets' shape: binary COPY into a temporary table,
    /// one insert into the kind's staging table, its problems function, then its move; a savepoint
    /// rolled back on any rejection and for a dry run.
    /// </summary>
    private Task<ImportSummary> ImportRosterAsync(Stream file, string fileName, ImportOptions options, ImportKind kind,
        IProgress<ImportProgress>? progress, string columnsDdl, string columns, Func<Stream, IEnumerable<object?[]>> parse,
        NpgsqlDbType[] types, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var (staging, problemsFunction, moveFunction, kindName) = kind switch
            {
                ImportKind.Clients => ("client_import_rows", "client_import_problems", "import_clients", "clients"),
                _ => ("people_import_rows", "people_import_problems", "import_people", "people"),
            };
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
            await transaction.SaveAsync("import", ct);
            await Execute(connection, transaction, $"create temp table import_{staging} ({columnsDdl}) on commit drop", ct);

            using var hashing = new HashingStream(file);
            var total = file.CanSeek ? file.Length : 0;
            var read = 0;
            await using (var copy = await connection.BeginBinaryImportAsync($"copy import_{staging} ({columns}) from stdin (format binary)", ct))
            {
                foreach (var row in parse(hashing))
                {
                    await copy.StartRowAsync(ct);
                    for (var i = 0; i < row.Length; i++)
                    {
                        if (row[i] is null)
                        {
                            await copy.WriteNullAsync(ct);
                        }
                        else
                        {
                            await copy.WriteAsync(row[i], types[i], ct);
                        }
                    }

                    if (++read % ReportEvery == 0)
                    {
                        progress?.Report(new ImportProgress("reading", hashing.BytesRead, total));
                    }
                }

                await copy.CompleteAsync(ct);
            }

            progress?.Report(new ImportProgress("checking", read, read));
            var batchId = Guid.NewGuid();
            await Execute(connection, transaction,
                $"insert into agency.import_batches (id, kind, file_name, file_sha256, rows_read) values (@id, '{kindName}', @name, @sha, @rows); " +
                $"insert into agency.{staging} (batch_id, {columns}) select @id, {columns} from import_{staging}",
                ct, ("id", batchId), ("name", Name(fileName)), ("sha", hashing.Hex()), ("rows", read));

            var (rejections, added, imported) = await CheckThenMoveAsync(
                connection, transaction, batchId, problemsFunction, moveFunction, read, options.DryRun, progress, ct);
            return new ImportSummary(Name(fileName), TimesheetFormat.Workroom, options.DryRun, read, added,
                rejections.Count == 0 ? read - added : 0, rejections, imported ? batchId : null, kind);
        }, cancellationToken);

    /// <summary>
    /// The end every import shares: the batch's problems by the set (every rejected row with its
    /// line), then, when there are none, the move; a rejection or a dry run rolls back to the
    /// savepoint "import" taken first, so nothing stays.
    /// </summary>
    private static async Task<(List<ImportRejection> Rejections, int Added, bool Imported)> CheckThenMoveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid batchId, string problemsFunction, string moveFunction,
        int read, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var rejections = new List<ImportRejection>();
        await using (var problems = new NpgsqlCommand($"select line_no, reason from agency.{problemsFunction}(@id)", connection, transaction))
        {
            problems.CommandTimeout = 0;
            problems.Parameters.AddWithValue("id", batchId);
            await using var rows = await problems.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
            {
                rejections.Add(new ImportRejection(rows.GetInt32(0), rows.GetString(1)));
            }
        }

        var added = 0;
        if (rejections.Count == 0)
        {
            progress?.Report(new ImportProgress("importing", 0, read));
            await using var move = new NpgsqlCommand($"select agency.{moveFunction}(@id)", connection, transaction) { CommandTimeout = 0 };
            move.Parameters.AddWithValue("id", batchId);
            added = (int)(await move.ExecuteScalarAsync(ct))!;
        }

        var imported = rejections.Count == 0 && !dryRun;
        if (!imported)
        {
            await transaction.RollbackAsync("import", ct);
        }

        progress?.Report(new ImportProgress("done", read, read));
        return (rejections, added, imported);
    }

    /// <summary>The preview for the mapping step: the format recognised, the headers, the mapping proposed and the first rows.</summary>
    public static ImportPreview Preview(Stream file, int rows, IReadOnlyDictionary<TimesheetField, string>? mapping = null)
    {
        using var csv = TimesheetCsv.Open(file);
        var headers = TimesheetCsv.ReadHeaders(csv);
        var format = TimesheetCsv.Detect(headers);
        return new ImportPreview(mapping is null ? format : TimesheetFormat.Mapped, headers,
            mapping ?? TimesheetCsv.DefaultMapping(format, headers), TimesheetCsv.Head(csv, rows));
    }

    private static string Name(string fileName)
    {
        var name = Path.GetFileName(fileName).Trim();
        return name.Length == 0 ? "upload.csv" : name.Length > 300 ? name[..300] : name;
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    private static Task WriteNullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is not null ? copy.WriteAsync(value, type, ct) : copy.WriteNullAsync(ct);

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Reads through to the file and hashes what passed (SHA-256), so the file is read once.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public long BytesRead { get; private set; }

        public string Hex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _hash.AppendData(buffer, offset, n);
            BytesRead += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            _hash.AppendData(buffer.Span[..n]);
            BytesRead += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
