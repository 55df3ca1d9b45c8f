namespace AgencyWorkroom.Data.DemoData;

// One record per table the seeder fills, with the columns it sets (the rest take their
// defaults). Dates are DateOnly, instants UTC DateTime. Mutable members are filled in by a
// later stage: budgets once the spend is known, links once the rows they point to exist.

public sealed record EmployeeRow(
    Guid Id, string FullName, string Email, string Title, string Department, string AgencyRole,
    decimal WeeklyCapacityHours, DateOnly StartDate);

public sealed record ClientRow(
    Guid Id, string Code, string Name, string Sector, string Website, string PrimaryContactName,
    string PrimaryContactEmail, string Notes, Guid AccountLeadId, DateTime CreatedAt)
{
    public string Status { get; set; } = "active";
}

public sealed record BrandRow(Guid Id, Guid ClientId, string Code, string Name, string Description);

public sealed record CampaignRow(
    Guid Id, Guid ClientId, Guid? BrandId, string Code, string Name, string Description, string Status,
    string BudgetType, DateOnly StartDate, DateOnly EndDate, string[] Tags, DateTime CreatedAt, DateTime UpdatedAt)
{
    public decimal BudgetAmount { get; set; }

    public Guid? ProcureQuoteId { get; set; }

    public Guid? CreatedBy { get; set; }

    public Guid? UpdatedBy { get; set; }
}

public sealed record PhaseRow(
    Guid Id, Guid CampaignId, string PhaseType, string Name, int SortOrder, string Status, DateOnly StartDate, DateOnly EndDate)
{
    public decimal BudgetAmount { get; set; }
}

public sealed record TeamMemberRow(Guid Id, Guid CampaignId, Guid EmployeeId, string TeamRole);

public sealed record ArtifactRow(
    Guid Id, Guid CampaignId, string ArtifactType, string Title, string Content, string Status, Guid OwnerId,
    int CurrentVersion, string[] Tags, DateTime CreatedAt, DateTime UpdatedAt, Guid UpdatedBy);

public sealed record ArtifactVersionRow(
    Guid Id, Guid ArtifactId, int VersionNumber, string Title, string Content, string ChangeSummary, DateTime CreatedAt, Guid CreatedBy);

public sealed record CommentRow(
    Guid Id, Guid ArtifactId, Guid? ParentCommentId, Guid AuthorId, string Body, bool Resolved, DateTime CreatedAt);

public sealed record TimesheetEntryRow(
    Guid Id, Guid EmployeeId, Guid CampaignId, Guid PhaseId, DateOnly EntryDate, decimal Hours, bool Billable,
    string Description, string Status, DateTime? SubmittedAt, Guid? ApprovedBy, DateTime? ApprovedAt, DateTime CreatedAt)
{
    public DateOnly WeekStartDate => DemoCalendar.MondayOf(EntryDate);
}

public sealed record AllocationRow(Guid Id, Guid EmployeeId, Guid CampaignId, DateOnly WeekStartDate, decimal Hours, string? Notes);

public sealed record RateCardRow(Guid Id, string RoleName, decimal BillRate, decimal CostRate, DateOnly EffectiveFrom, DateOnly? EffectiveTo);

public sealed record EmployeeRateRow(
    Guid Id, Guid EmployeeId, Guid RateCardId, decimal BillRate, decimal CostRate, DateOnly EffectiveFrom, DateOnly? EffectiveTo);

public sealed record QuoteRow(Guid Id, string QuoteNumber, string VendorName, string Description, decimal Amount, string Status, DateTime CreatedAt);

public sealed record PpmProjectRow(Guid Id, string ProjectCode, string Name, decimal BudgetAmount, Guid CampaignId);

public sealed record ExpenseLineRow(
    Guid Id, Guid EmployeeId, DateOnly ExpenseDate, string Category, string Description, decimal Amount, string Status, Guid? CampaignId);

public sealed record CheckoutRow(
    Guid Id, string EquipmentName, string AssetTag, Guid CheckedOutBy, DateTime CheckedOutAt, DateTime DueBackAt,
    DateTime? ReturnedAt, decimal DailyRate, Guid CampaignId);

public sealed record KnowledgeDocumentRow(
    Guid Id, Guid? ClientId, Guid? BrandId, Guid? CampaignId, string Title, string DocType, string SourceUri, string Content,
    string[] Tags, DateTime CreatedAt);

/// <param name="TokenCount">Word pieces the embedding model read; NULL when the model does not say.</param>
/// <summary>A passage of a knowledge document or of an artifact (exactly one of the two ids).</summary>
public sealed record KnowledgeChunkRow(
    Guid Id, Guid? DocumentId, Guid? ArtifactId, int ChunkIndex, string Content, int? TokenCount, float[] Embedding, string Model);

/// <summary>A week a person is away: no time logged, nothing allocated.</summary>
public sealed record HolidayWeek(Guid EmployeeId, DateOnly WeekStartDate);
