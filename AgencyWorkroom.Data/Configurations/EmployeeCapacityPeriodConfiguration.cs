using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class EmployeeCapacityPeriodConfiguration : IEntityTypeConfiguration<EmployeeCapacityPeriod>
{
    public void Configure(EntityTypeBuilder<EmployeeCapacityPeriod> builder)
    {
        builder.MapAgencyTable("employee_capacity_periods");
        // Kept by the keep_capacity_periods trigger: never sent, always read back.
        builder.Property(p => p.EffectiveTo).ValueGeneratedOnAddOrUpdate();
        builder.Property(p => p.PreviousHours).ValueGeneratedOnAddOrUpdate();
    }
}
