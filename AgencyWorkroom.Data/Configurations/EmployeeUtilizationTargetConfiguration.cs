using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class EmployeeUtilizationTargetConfiguration : IEntityTypeConfiguration<EmployeeUtilizationTarget>
{
    public void Configure(EntityTypeBuilder<EmployeeUtilizationTarget> builder) => builder.MapAgencyTable("employee_utilization_targets");
}
