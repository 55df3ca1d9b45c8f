namespace AgencyWorkroom.Data.Schema;

/// <summary>An applied migration's file was edited afterwards: the database and the file disagree.</summary>
public sealed class MigrationChecksumMismatchException(MigrationScript script, string recordedChecksum)
    : Exception(
        $"Migration {script.FileName} was changed after it was applied (recorded checksum {recordedChecksum}, " +
        $"file {script.Checksum}). Add a new migration instead of editing an applied one.")
{
    public string FileName { get; } = script.FileName;

    public string RecordedChecksum { get; } = recordedChecksum;

    public string FileChecksum { get; } = script.Checksum;
}
