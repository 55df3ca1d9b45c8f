namespace AgencyWorkroom.Data.Schema;

/// <summary>What one run of <see cref="SchemaMigrator.MigrateAsync"/> did.</summary>
/// <param name="Applied">The scripts this run applied, in order.</param>
/// <param name="AlreadyApplied">How many scripts the ledger already held.</param>
/// <param name="Level">The highest version in the ledger afterwards; null when there is none.</param>
/// <param name="LevelName">The name of that version.</param>
public sealed record MigrationReport(
    IReadOnlyList<MigrationScript> Applied,
    int AlreadyApplied,
    int? Level,
    string? LevelName);
