using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class EquipmentCheckoutConfiguration : IEntityTypeConfiguration<EquipmentCheckout>
{
    public void Configure(EntityTypeBuilder<EquipmentCheckout> builder) => builder.MapTenantTable("gear", "checkouts");
}
