namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.team_allocations: hours planned for one person on one campaign in one week.</summary>
public sealed class TeamAllocation : AuditedEntity, IVersionedEntity
{
    public Guid EmployeeId { get; set; }

    public Guid CampaignId { get; set; }

    /// <summary>Any day of the week; the database moves it to its Monday.</summary>
    public DateOnly WeekStartDate { get; set; }

    public decimal Hours { get; set; }

    public string? Notes { get; set; }

    /// <summary>Pencilled in: drawn hatched, and the capacity grid may leave it out of its totals (029).</summary>
    public bool Tentative { get; set; }

    public uint Version { get; set; }
}
