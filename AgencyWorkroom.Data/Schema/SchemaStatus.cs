namespace AgencyWorkroom.Data.Schema;

/// <summary>The database as the app sees it: reachable or not, and how far it is migrated.</summary>
/// <param name="Connected">Whether a connection could be opened.</param>
/// <param name="Level">The highest applied version; null when nothing is applied (or unknown).</param>
/// <param name="LevelName">The name of that version.</param>
/// <param name="Expected">The highest version the app ships; scripts are applied in order, so Level N means N of them.</param>
/// <param name="Failure">Why the connection or the ledger query failed; null when both worked. For the log and the
/// terminal, never for a page: its text can name hosts, roles and SQL.</param>
public sealed record SchemaStatus(bool Connected, int? Level, string? LevelName, int Expected, Exception? Failure)
{
    public bool UpToDate => Connected && Failure is null && (Level ?? 0) >= Expected;
}
