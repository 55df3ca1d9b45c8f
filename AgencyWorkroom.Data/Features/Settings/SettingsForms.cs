using System.ComponentModel.DataAnnotations;
using AgencyWorkroom.Data.Features.Common;

namespace AgencyWorkroom.Data.Features.Settings;

/// <summary>The tenant's settings an admin changes (020): every change is audited as 'tenant_settings'.</summary>
public sealed class SettingsForm : RowForm
{
    /// <summary>Whether finance signs approved weeks off before they lock.</summary>
    public bool TimesheetFinanceSignoff { get; set; }

    /// <summary>Finance people and admins must turn on two-factor sign-in (046).</summary>
    public bool RequireTwoFactor { get; set; }

    /// <summary>Days after today that time may be logged; 0: none.</summary>
    [Range(0, 366)]
    public int TimeEntryDaysAhead { get; set; }

    /// <summary>The share of capacity people should bill, 0 to 1 (0.75 = 75 %).</summary>
    [Range(0.0, 1.0)]
    public decimal UtilizationTarget { get; set; }

    /// <summary>ISO 4217, three capital letters; every rate is kept in it.</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$")]
    public string DefaultCurrency { get; set; } = "";
}
