using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Common;

/// <summary>The one list of agency roles in C# says what the database's check constraint says.</summary>
[Collection(DatabaseCollection.Name)]
public sealed partial class AgencyRolesTests(TwoTenantWorld world)
{
    [Fact]
    public async Task All_EqualsTheRolesTheEmployeesCheckConstraintAllows()
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);

        // The check constraints on agency.employees that name agency_role and no other column.
        var definitions = (await s.QueryAsync(
                """
                select pg_get_constraintdef(c.oid) as definition
                from pg_constraint c
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
                where c.conrelid = 'agency.employees'::regclass and c.contype = 'c'
                  and a.attname = 'agency_role' and cardinality(c.conkey) = 1
                """))
            .Select(row => (string)row["definition"]!)
            .ToList();

        // PostgreSQL prints `agency_role in (...)` as `agency_role = ANY (ARRAY['finance'::text, ...])`. Only that list is
        // read: a role for something other than a person, allowed by another branch of the check, is not a person's role.
        var list = PeopleRoleList().Match(Assert.Single(definitions));
        Assert.True(list.Success, $"No list of roles in: {definitions[0]}");
        var allowed = QuotedValue().Matches(list.Groups["values"].Value).Select(m => m.Groups["value"].Value);

        Assert.Equal(allowed.Order(), AgencyRoles.All.Order());
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("creative", true)]
    [InlineData("system", false)]
    [InlineData("Admin", false)]
    [InlineData("", false)]
    public void AgencyRoleAttribute_OnTheNewPersonForm_AcceptsOnlyAnAgencyRole(string role, bool valid)
    {
        var form = new NewPersonForm { FullName = "Ada", Email = "ada@example.test", Password = "long-enough-1", Role = role };
        var errors = new List<ValidationResult>();

        var isValid = Validator.TryValidateObject(form, new ValidationContext(form), errors, validateAllProperties: true);

        Assert.Equal(valid, isValid);
        Assert.Equal(valid ? Array.Empty<string>() : ["Role"], errors.SelectMany(e => e.MemberNames).Distinct());
    }

    [GeneratedRegex(@"agency_role\s*=\s*ANY\s*\(\s*ARRAY\[(?<values>[^\]]*)\]")]
    private static partial Regex PeopleRoleList();

    [GeneratedRegex(@"'(?<value>[^']*)'")]
    private static partial Regex QuotedValue();
}
