using AgencyWorkroom.Data.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class EmployeeUtilizationRowConfiguration : IEntityTypeConfiguration<EmployeeUtilizationRow>
{
    public void Configure(EntityTypeBuilder<EmployeeUtilizationRow> builder) => builder.HasNoKey().ToView("v_employee_utilization", TenantEntityMapping.AgencySchema);
}
