using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class ClientImportRowConfiguration : IEntityTypeConfiguration<ClientImportRow>
{
    public void Configure(EntityTypeBuilder<ClientImportRow> builder) =>
        builder.MapTenantTable(TenantEntityMapping.AgencySchema, "client_import_rows");
}

public sealed class PeopleImportRowConfiguration : IEntityTypeConfiguration<PeopleImportRow>
{
    public void Configure(EntityTypeBuilder<PeopleImportRow> builder) =>
        builder.MapTenantTable(TenantEntityMapping.AgencySchema, "people_import_rows");
}
