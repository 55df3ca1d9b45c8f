using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class EmployeeRateConfiguration : IEntityTypeConfiguration<EmployeeRate>
{
    public void Configure(EntityTypeBuilder<EmployeeRate> builder)
    {
        builder.MapAgencyTable("employee_rates");
        builder.Property(r => r.Currency).IsCurrencyCode();
    }
}
