using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

/// <summary>
/// What every table mapping shares. Column names come from the snake_case naming convention;
/// only tables are named here. Columns the database fills get their default SQL, which makes
/// EF leave them out of an insert while they hold the CLR default and read them back after.
/// </summary>
internal static class TenantEntityMapping
{
    public const string AgencySchema = "agency";

    public const string CurrentUserIdSql = "agency.current_user_id()";

    /// <summary>A table of a neighbouring system (Procure, Finance PPM, T&amp;E, Gearroom).</summary>
    public static EntityTypeBuilder<T> MapTenantTable<T>(this EntityTypeBuilder<T> builder, string schema, string table)
        where T : TenantEntity
    {
        builder.ToTable(table, schema);
        builder.HasKey(e => new { e.TenantId, e.Id });
        // The app sets the session's tenant in every transaction; Guid.Empty means "the session's".
        builder.Property(e => e.TenantId).HasDefaultValueSql("agency.current_tenant_id()");
        builder.Property(e => e.Id).HasDefaultValueSql("gen_random_uuid()");
        builder.Property(e => e.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(e => e.UpdatedAt).HasDefaultValueSql("now()");
        return builder;
    }

    /// <summary>A table of the agency schema: audited, and its updated_at kept by a trigger.</summary>
    public static EntityTypeBuilder<T> MapAgencyTable<T>(this EntityTypeBuilder<T> builder, string table)
        where T : AuditedEntity
    {
        builder.MapTenantTable(AgencySchema, table);
        builder.Property(e => e.CreatedBy).HasDefaultValueSql(CurrentUserIdSql);
        // The set_updated_at trigger overwrites it on every update: never sent, always read back.
        builder.Property(e => e.UpdatedAt).ValueGeneratedOnAddOrUpdate();
        return builder;
    }

    /// <summary>The row's <c>xmin</c> as its version: read with it, and checked by every update EF sends.</summary>
    public static EntityTypeBuilder<T> HasRowVersion<T>(this EntityTypeBuilder<T> builder)
        where T : class, IVersionedEntity
    {
        // Named here: the snake_case convention would otherwise look for a column "version".
        builder.Property(e => e.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        return builder;
    }

    /// <summary>A <c>char(3)</c> ISO 4217 code.</summary>
    public static PropertyBuilder<T> IsCurrencyCode<T>(this PropertyBuilder<T> property) =>
        property.HasColumnType("character(3)");

    /// <summary>A column the session's person fills when left empty (<c>default agency.current_user_id()</c>).</summary>
    public static PropertyBuilder<Guid> DefaultsToCurrentUser(this PropertyBuilder<Guid> property) =>
        property.HasDefaultValueSql(CurrentUserIdSql);
}
