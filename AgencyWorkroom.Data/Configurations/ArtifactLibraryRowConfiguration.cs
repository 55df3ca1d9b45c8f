using AgencyWorkroom.Data.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class ArtifactLibraryRowConfiguration : IEntityTypeConfiguration<ArtifactLibraryRow>
{
    public void Configure(EntityTypeBuilder<ArtifactLibraryRow> builder) => builder.HasNoKey().ToView("v_artifact_library", TenantEntityMapping.AgencySchema);
}
