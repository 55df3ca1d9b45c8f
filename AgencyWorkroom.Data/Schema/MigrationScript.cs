using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AgencyWorkroom.Data.Schema;

/// <summary>One ordered schema file, <c>Schema/NNN_name.sql</c>.</summary>
public sealed partial record MigrationScript(int Version, string Name, string Sql)
{
    public string FileName => $"{Version:D3}_{Name}.sql";

    /// <summary>
    /// SHA-256 of the script as UTF-8, lower-case hex: the bytes of the file as committed
    /// (UTF-8 without BOM, LF line endings, kept so by .gitattributes and .editorconfig).
    /// </summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    /// <summary>Reads version and name from a file name such as <c>003_agency_timesheets.sql</c>.</summary>
    public static MigrationScript FromFile(string fileName, string sql)
    {
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new ArgumentException(
                $"Schema file {fileName} is not named NNN_name.sql (a number, an underscore, a snake_case name).",
                nameof(fileName));
        }

        return new MigrationScript(int.Parse(match.Groups["version"].Value), match.Groups["name"].Value, sql);
    }

    [GeneratedRegex(@"^(?<version>\d+)_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
