namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.placeholder_allocations: a placeholder's hours in one week (029).</summary>
public sealed class PlaceholderAllocation : AuditedEntity
{
    public Guid PlaceholderId { get; set; }

    /// <summary>Any day of the week; the database moves it to its Monday.</summary>
    public DateOnly WeekStartDate { get; set; }

    public decimal Hours { get; set; }

    public bool Tentative { get; set; }
}
