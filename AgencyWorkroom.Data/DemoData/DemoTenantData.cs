namespace AgencyWorkroom.Data.DemoData;

/// <summary>Everything generated for one tenant, table by table, before it is loaded.</summary>
public sealed class DemoTenantData(DemoTenantProfile profile, DemoCalendar calendar)
{
    public DemoTenantProfile Profile { get; } = profile;

    public DemoCalendar Calendar { get; } = calendar;

    public Guid TenantId => Profile.TenantId;

    public List<EmployeeRow> Employees { get; } = [];

    /// <summary>The one employee per agency role who signs in for the demo: <c>{role}@{slug}.demo</c>.</summary>
    public List<DemoPerson> DemoPeople { get; } = [];

    public List<HolidayWeek> HolidayWeeks { get; } = [];

    public List<RateCardRow> RateCards { get; } = [];

    public List<EmployeeRateRow> EmployeeRates { get; } = [];

    public List<ClientRow> Clients { get; } = [];

    public List<BrandRow> Brands { get; } = [];

    public List<CampaignRow> Campaigns { get; } = [];

    public List<PhaseRow> Phases { get; } = [];

    public List<TeamMemberRow> TeamMembers { get; } = [];

    public List<TimesheetEntryRow> TimesheetEntries { get; } = [];

    public List<AllocationRow> Allocations { get; } = [];

    public List<ArtifactRow> Artifacts { get; } = [];

    public List<ArtifactVersionRow> ArtifactVersions { get; } = [];

    public List<CommentRow> Comments { get; } = [];

    public List<QuoteRow> Quotes { get; } = [];

    public List<PpmProjectRow> PpmProjects { get; } = [];

    public List<ExpenseLineRow> ExpenseLines { get; } = [];

    public List<CheckoutRow> Checkouts { get; } = [];

    public List<KnowledgeDocumentRow> KnowledgeDocuments { get; } = [];

    /// <summary>Filled after generation: chunking and embedding are the seeder's, not the generator's.</summary>
    public List<KnowledgeChunkRow> KnowledgeChunks { get; } = [];
}

/// <summary>A demo sign-in person: the integrating code creates their account.</summary>
public sealed record DemoPerson(Guid TenantId, Guid EmployeeId, string Email, string Role);
