using System.ComponentModel.DataAnnotations;

namespace AgencyWorkroom.Data.Features.Common;

/// <summary>
/// The agency roles a person can hold: the one list in C# (the database's check constraint on
/// agency.employees.agency_role is the other, and a test holds the two equal).
/// </summary>
public static class AgencyRoles
{
    public const string Finance = "finance";
    public const string Leadership = "leadership";
    public const string Pm = "pm";
    public const string Admin = "admin";
    public const string Account = "account";
    public const string Creative = "creative";

    /// <summary>Every role, in the order the screens list them.</summary>
    public static readonly IReadOnlyList<string> All = [Finance, Leadership, Pm, Admin, Account, Creative];

    public static string Label(string role) => role switch
    {
        Pm => "Project manager",
        _ => char.ToUpperInvariant(role[0]) + role[1..],
    };
}

/// <summary>The value is one of <see cref="AgencyRoles.All"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AgencyRoleAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is string role && AgencyRoles.All.Contains(role);
}
