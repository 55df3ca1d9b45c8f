namespace AgencyWorkroom.Data.Entities;

/// <summary>te.expense_lines: an expense claimed in T&amp;E.</summary>
public sealed class ExpenseLine : TenantEntity
{
    public Guid EmployeeId { get; set; }

    public DateOnly ExpenseDate { get; set; }

    public string Category { get; set; } = "";

    public string? Description { get; set; }

    public decimal Amount { get; set; }

    public string Currency { get; set; } = "USD";

    public string Status { get; set; } = "submitted";

    public Guid? AgencyCampaignId { get; set; }
}
