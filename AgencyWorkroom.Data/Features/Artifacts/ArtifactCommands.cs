using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgencyWorkroom.Data.Features.Artifacts;

public interface IArtifactCommands
{
    /// <summary>Saves the text if the row is still at <paramref name="baseVersion"/>; otherwise says who changed it.</summary>
    Task<ArtifactSaveOutcome> SaveContentAsync(Guid artifactId, uint baseVersion, string content, CancellationToken cancellationToken = default);

    /// <summary>"Save version": the text as a version of its own with a summary, ending the autosave burst.</summary>
    Task<ArtifactSaveOutcome> SaveVersionAsync(Guid artifactId, uint baseVersion, string content, string summary, CancellationToken cancellationToken = default);

    /// <summary>Makes an earlier version's title and text current again, as a new version; history is never rewritten.</summary>
    Task<ArtifactSaveOutcome> RestoreAsync(Guid artifactId, uint baseVersion, int versionNumber, CancellationToken cancellationToken = default);

    /// <summary>A new artifact, owned by the caller, its text and type from the template when one is chosen.</summary>
    Task<SaveResult> CreateAsync(NewArtifactForm form, CancellationToken cancellationToken = default);

    /// <summary>Sets or clears the due date; says the row's version before and after, so an editor at the one moves to the other.</summary>
    Task<ArtifactRowChange> SetDueDateAsync(Guid artifactId, DateOnly? dueDate, CancellationToken cancellationToken = default);

    /// <summary>Marks the caller as having the artifact open now; returns who else has (a mark newer than <see cref="ArtifactCommands.PresenceWindow"/>).</summary>
    Task<IReadOnlyList<string>> MarkPresentAsync(Guid artifactId, CancellationToken cancellationToken = default);

    /// <summary>The caller closed the artifact.</summary>
    Task LeaveAsync(Guid artifactId, CancellationToken cancellationToken = default);

    Task<SaveResult> CreateTemplateAsync(ArtifactTemplateForm form, CancellationToken cancellationToken = default);

    Task<SaveResult> UpdateTemplateAsync(Guid templateId, ArtifactTemplateForm form, CancellationToken cancellationToken = default);

    Task<SaveResult> DeleteTemplateAsync(Guid templateId, CancellationToken cancellationToken = default);
}

/// <summary>
/// The editor's writes. A save names the version (the row's xmin) the text was started from;
/// one statement changes the row only if it is still at that version, so two people never
/// silently overwrite each other: the second is told who saved, when, and what. The
/// create_artifact_version trigger keeps the history; the artifact_edit policy decides who may.
/// </summary>
public sealed class ArtifactCommands(UnitOfWork unitOfWork) : IArtifactCommands
{
    public const int MaxContentLength = 1_000_000;

    public const int MaxSummaryLength = 300;

    private static readonly WriteErrors CreateErrors = new WriteErrors(
        "You can add artifacts only to campaigns whose team you are on. Ask the campaign's manager to add you.");

    private static readonly WriteErrors TemplateErrors = new WriteErrors("Only admins can change the agency's templates. You can still use them.")
        .On("artifact_templates_name_key", nameof(ArtifactTemplateForm.Name), "Another template already has this name.");

    public Task<SaveResult> CreateAsync(NewArtifactForm form, CancellationToken cancellationToken = default) =>
        CreateErrors.RunAsync(async () =>
        {
            if (form.CampaignId is null)
            {
                return SaveResult.Field(nameof(NewArtifactForm.CampaignId), "Choose the campaign it belongs to.");
            }

            var template = form.TemplateId is { } templateId
                ? await unitOfWork.RunAsync((db, ct) => db.Set<ArtifactTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == templateId, ct), cancellationToken)
                : null;
            if (form.TemplateId is not null && template is null)
            {
                return SaveResult.Field(nameof(NewArtifactForm.TemplateId), "That template is gone. Choose another.");
            }

            var artifact = new Artifact
            {
                CampaignId = form.CampaignId.Value,
                ArtifactType = template?.ArtifactType ?? form.ArtifactType,
                Title = form.Title.Trim(),
                Content = template?.Content ?? "",
                DueDate = form.DueDate,
            };
            return await unitOfWork.InsertAsync(CreateErrors, form, artifact, cancellationToken);
        });

    public Task<ArtifactRowChange> SetDueDateAsync(Guid artifactId, DateOnly? dueDate, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var changed = await db.Database.SqlQuery<RowChange>($"""
                with before as (select id, xmin from agency.artifacts where id = {artifactId} and deleted_at is null for update)
                update agency.artifacts a set due_date = {dueDate}, updated_by = agency.current_user_id()
                from before where a.id = before.id
                returning before.xmin::text::bigint as before, a.xmin::text::bigint as after
                """).ToListAsync(ct);
            return changed.Count == 1
                ? new ArtifactRowChange(true, (uint)changed[0].Before, (uint)changed[0].After)
                : new ArtifactRowChange(false, 0, 0, "This artifact is gone, or it is not yours to change.");
        }, cancellationToken);

    /// <summary>How often an open editor marks its person present, and how old a mark may be before it counts as gone.</summary>
    public static readonly TimeSpan PresenceEvery = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan PresenceWindow = TimeSpan.FromSeconds(90);

    // The mark is written only where the artifact can be read (presence_own's check); where it
    // cannot, nothing is written and nobody is seen.
    public Task<IReadOnlyList<string>> MarkPresentAsync(Guid artifactId, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<string>>(async (db, ct) =>
        {
            var readable = await db.Set<Artifact>().AnyAsync(a => a.Id == artifactId && a.DeletedAt == null, ct);
            if (!readable)
            {
                return [];
            }

            await db.Database.ExecuteSqlAsync($"""
                insert into agency.artifact_presence (artifact_id) values ({artifactId})
                on conflict (tenant_id, artifact_id, employee_id) do update set seen_at = now(), updated_at = now()
                """, ct);
            var window = PresenceWindow.TotalSeconds;
            return await db.Database.SqlQuery<string>($"""
                select e.full_name as "Value" from agency.artifact_presence p
                join agency.employees e on e.tenant_id = p.tenant_id and e.id = p.employee_id
                where p.artifact_id = {artifactId} and p.employee_id <> agency.current_user_id() and p.seen_at > now() - make_interval(secs => {window})
                order by e.full_name
                """).ToListAsync(ct);
        }, cancellationToken);

    public Task LeaveAsync(Guid artifactId, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) => await db.Database.ExecuteSqlAsync(
            $"delete from agency.artifact_presence where artifact_id = {artifactId} and employee_id = agency.current_user_id()", ct), cancellationToken);

    public Task<SaveResult> CreateTemplateAsync(ArtifactTemplateForm form, CancellationToken cancellationToken = default) =>
        unitOfWork.InsertAsync(TemplateErrors, form, Apply(form, new ArtifactTemplate()), cancellationToken);

    public Task<SaveResult> UpdateTemplateAsync(Guid templateId, ArtifactTemplateForm form, CancellationToken cancellationToken = default) =>
        unitOfWork.UpdateAsync<ArtifactTemplate>(TemplateErrors, t => t.Id == templateId, form.Version, t => Apply(form, t), cancellationToken);

    // Artifacts made from a template keep their text: nothing refers back to it.
    public Task<SaveResult> DeleteTemplateAsync(Guid templateId, CancellationToken cancellationToken = default) =>
        TemplateErrors.RunAsync(async () => await unitOfWork.RunAsync(
            async (db, ct) => await db.Set<ArtifactTemplate>().Where(t => t.Id == templateId).ExecuteDeleteAsync(ct) == 1 ? templateId : (Guid?)null,
            cancellationToken));

    private static ArtifactTemplate Apply(ArtifactTemplateForm form, ArtifactTemplate template)
    {
        template.Name = form.Name.Trim();
        template.ArtifactType = form.ArtifactType;
        template.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        template.Content = form.Content;
        return template;
    }

    public Task<ArtifactSaveOutcome> SaveContentAsync(Guid artifactId, uint baseVersion, string content, CancellationToken cancellationToken = default) =>
        SaveAsync(artifactId, baseVersion, content, null, null, cancellationToken);

    public Task<ArtifactSaveOutcome> SaveVersionAsync(Guid artifactId, uint baseVersion, string content, string summary, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(summary) || summary.Trim().Length > MaxSummaryLength
            ? Task.FromResult(new ArtifactSaveOutcome(false, baseVersion, $"Say in 1 to {MaxSummaryLength} characters what this version is."))
            : SaveAsync(artifactId, baseVersion, content, summary.Trim(), null, cancellationToken);

    public Task<ArtifactSaveOutcome> RestoreAsync(Guid artifactId, uint baseVersion, int versionNumber, CancellationToken cancellationToken = default) =>
        SaveAsync(artifactId, baseVersion, null, $"Restored version {versionNumber}", versionNumber, cancellationToken);

    // One statement writes the text (or a version's title and text) if the row is still at the
    // base version; the summary, when there is one, reaches the trigger as app.version_summary.
    private async Task<ArtifactSaveOutcome> SaveAsync(
        Guid artifactId, uint baseVersion, string? content, string? summary, int? restore, CancellationToken cancellationToken)
    {
        content ??= "";
        if (content.Length > MaxContentLength)
        {
            return new ArtifactSaveOutcome(false, baseVersion, $"The text is longer than {MaxContentLength:N0} characters.");
        }

        try
        {
            return await unitOfWork.RunAsync(async (db, ct) =>
            {
                var version = baseVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (summary is not null)
                {
                    await db.Database.ExecuteSqlAsync($"select set_config('app.version_summary', {summary}, true)", ct);
                }

                var saved = restore is { } number
                    ? await db.Database.SqlQuery<long>($"""
                        update agency.artifacts a set title = v.title, content = v.content, updated_by = agency.current_user_id()
                        from agency.artifact_versions v
                        where a.id = {artifactId} and a.deleted_at is null and a.xmin = {version}::xid
                          and v.tenant_id = a.tenant_id and v.artifact_id = a.id and v.version_number = {number}
                        returning a.xmin::text::bigint as "Value"
                        """).ToListAsync(ct)
                    : await db.Database.SqlQuery<long>($"""
                        update agency.artifacts set content = {content}, updated_by = agency.current_user_id()
                        where id = {artifactId} and deleted_at is null and xmin = {version}::xid
                        returning xmin::text::bigint as "Value"
                        """).ToListAsync(ct);
                if (saved.Count == 1)
                {
                    return new ArtifactSaveOutcome(true, (uint)saved[0]);
                }

                var now = await db.Database.SqlQuery<CurrentRow>($"""
                    select a.xmin::text::bigint as version, a.content, a.updated_at,
                           (select e.full_name from agency.employees e where e.id = coalesce(a.updated_by, a.created_by)) as changed_by
                    from agency.artifacts a
                    where a.id = {artifactId} and a.deleted_at is null
                    """).ToListAsync(ct);
                return now.Count == 0
                    ? new ArtifactSaveOutcome(false, baseVersion, "This artifact is gone, or it is not yours to change.")
                    : new ArtifactSaveOutcome(false, baseVersion, "Someone else saved first.", now[0].ChangedBy, now[0].UpdatedAt, now[0].Content, (uint)now[0].Version);
            }, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.CheckViolation)
        {
            return new ArtifactSaveOutcome(false, baseVersion, "The database refused the change: " + ex.MessageText);
        }
    }

    private sealed class RowChange
    {
        public long Before { get; init; }

        public long After { get; init; }
    }

    private sealed class CurrentRow
    {
        public long Version { get; init; }

        public string Content { get; init; } = "";

        public DateTimeOffset UpdatedAt { get; init; }

        public string? ChangedBy { get; init; }
    }
}
