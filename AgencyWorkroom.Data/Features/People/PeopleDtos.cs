using System.ComponentModel.DataAnnotations;
using AgencyWorkroom.Data.Features.Common;

namespace AgencyWorkroom.Data.Features.People;

/// <summary>The signed-in person as the database sees them now.</summary>
public sealed record MeDto(Guid EmployeeId, string FullName, string Role, string TenantName);

/// <summary>A person of the tenant; <see cref="Pending"/> while their sign-in account is still to be made (never active then).</summary>
public sealed record PersonDto(
    Guid Id, string FullName, string Email, string? Title, string? Department, string Role, bool Active, bool HasAccount, bool Pending);

/// <summary>An admin's form for a new person with a sign-in account.</summary>
public sealed class NewPersonForm
{
    [Required(ErrorMessage = "Enter the person's name.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string FullName { get; set; } = "";

    [Required(ErrorMessage = "Enter an email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    public string? Title { get; set; }

    public string? Department { get; set; }

    [Required]
    [AgencyRole(ErrorMessage = "Choose a role.")]
    public string Role { get; set; } = AgencyRoles.Creative;

    [Required(ErrorMessage = "Set a first password.")]
    [StringLength(100, MinimumLength = 10, ErrorMessage = "The password must be 10 to 100 characters long.")]
    public string Password { get; set; } = "";
}
