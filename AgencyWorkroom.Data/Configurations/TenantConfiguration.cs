using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.MapAgencyTable("tenants").HasRowVersion();
        // generated always as (id) stored. A key may not be ValueGeneratedOnAddOrUpdate, so: made
        // on insert, and never sent, whatever it holds.
        builder.Property(t => t.TenantId).HasDefaultValueSql(null).ValueGeneratedOnAdd()
            .Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        builder.Property(t => t.DefaultCurrency).IsCurrencyCode();
    }
}
