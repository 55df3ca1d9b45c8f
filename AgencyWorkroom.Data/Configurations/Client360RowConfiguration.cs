using AgencyWorkroom.Data.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class Client360RowConfiguration : IEntityTypeConfiguration<Client360Row>
{
    public void Configure(EntityTypeBuilder<Client360Row> builder) => builder.HasNoKey().ToView("v_client_360", TenantEntityMapping.AgencySchema);
}
