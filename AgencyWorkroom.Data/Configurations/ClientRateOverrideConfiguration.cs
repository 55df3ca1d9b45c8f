using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class ClientRateOverrideConfiguration : IEntityTypeConfiguration<ClientRateOverride>
{
    public void Configure(EntityTypeBuilder<ClientRateOverride> builder)
    {
        builder.MapAgencyTable("client_rate_overrides");
        builder.Property(r => r.Currency).IsCurrencyCode();
    }
}
