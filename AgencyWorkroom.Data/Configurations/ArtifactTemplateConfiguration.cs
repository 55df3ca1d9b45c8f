using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class ArtifactTemplateConfiguration : IEntityTypeConfiguration<ArtifactTemplate>
{
    public void Configure(EntityTypeBuilder<ArtifactTemplate> builder) => builder.MapAgencyTable("artifact_templates").HasRowVersion();
}
