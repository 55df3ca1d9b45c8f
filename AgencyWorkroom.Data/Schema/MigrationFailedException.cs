using Npgsql;

namespace AgencyWorkroom.Data.Schema;

/// <summary>A migration's SQL failed; its transaction was rolled back and the ledger is unchanged for it.</summary>
public sealed class MigrationFailedException(MigrationScript script, PostgresException error)
    : Exception($"Migration {script.FileName} failed and was rolled back: {error.Message}", error)
{
    public string FileName { get; } = script.FileName;
}
