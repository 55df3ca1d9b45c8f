namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.tenants. Its <see cref="TenantEntity.TenantId"/> is generated from <see cref="TenantEntity.Id"/>.</summary>
public sealed class Tenant : AuditedEntity, IVersionedEntity
{
    public uint Version { get; set; }

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public string DefaultCurrency { get; set; } = "USD";

    public decimal UtilizationTarget { get; set; } = 0.750m;

    /// <summary>Whether finance signs approved weeks off before they lock (020).</summary>
    public bool TimesheetFinanceSignoff { get; set; }

    /// <summary>How many days after today time may be logged; 0 means none (020).</summary>
    public int TimeEntryDaysAhead { get; set; }

    /// <summary>Finance people and admins must sign in with an authenticator app's code (046).</summary>
    public bool RequireTwoFactor { get; set; }
}
