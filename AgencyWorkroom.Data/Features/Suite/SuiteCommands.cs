using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgencyWorkroom.Data.Features.Suite;

public interface ISuiteCommands
{
    /// <summary>Links (or unlinks) a neighbour's record to the campaign through agency.link_campaign_record; refused in words when the database refuses.</summary>
    Task<SaveResult> SetLinkAsync(Guid campaignId, string kind, Guid recordId, bool linked, CancellationToken cancellationToken = default);
}

/// <summary>
/// The links of a campaign to the neighbours. Who may link is decided in SQL (agency.may_link_campaign,
/// decision 023): finance, leadership, admin and the campaign's project manager.
/// </summary>
public sealed class SuiteCommands(UnitOfWork unitOfWork) : ISuiteCommands
{
    public async Task<SaveResult> SetLinkAsync(Guid campaignId, string kind, Guid recordId, bool linked, CancellationToken cancellationToken = default)
    {
        try
        {
            await unitOfWork.RunAsync((db, ct) => db.Database.ExecuteSqlAsync(
                $"select agency.link_campaign_record({campaignId}, {kind}, {recordId}, {linked})", ct), cancellationToken);
            return SaveResult.Saved(recordId);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.NoDataFound
                                               or PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.InvalidParameterValue)
        {
            return SaveResult.Refused(ex.SqlState == PostgresErrorCodes.ForeignKeyViolation
                ? "That record is not one of this agency's."
                : ex.MessageText);
        }
    }
}
