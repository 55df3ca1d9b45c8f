using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Knowledge;

public interface IKnowledgeCommands
{
    /// <summary>Adds the document when the form is new, or changes it at the version it was read at; saving queues its indexing (039's trigger).</summary>
    Task<SaveResult> SaveAsync(KnowledgeDocumentForm form, CancellationToken cancellationToken = default);

    /// <summary>Deletes the document; its passages go with the indexing job that follows.</summary>
    Task<SaveResult> DeleteAsync(Guid documentId, CancellationToken cancellationToken = default);

    /// <summary>Queues the document's indexing again (after a failure).</summary>
    Task<SaveResult> RetryAsync(Guid documentId, CancellationToken cancellationToken = default);
}

/// <summary>Writes to the knowledge base. Row-level security admits admins and leadership (007's knowledge_manage).</summary>
public sealed class KnowledgeCommands(UnitOfWork unitOfWork) : IKnowledgeCommands
{
    public const string RefusedMessage = "Only admins and leadership can add or change knowledge documents. Everyone can read them.";

    /// <summary>The roles knowledge_manage admits. The database decides; this only spares the others a form they cannot send.</summary>
    public static readonly string[] Writers = [AgencyRoles.Admin, AgencyRoles.Leadership];

    private static readonly WriteErrors Errors = new WriteErrors(RefusedMessage)
        .On("knowledge_documents_title_check", nameof(KnowledgeDocumentForm.Title), "Enter a title of 1 to 300 characters.")
        .On("knowledge_documents_team_needs_campaign", nameof(KnowledgeDocumentForm.TeamOnly), "Only a campaign's document can be kept to its team.")
        .On("knowledge_documents_tenant_id_client_id_fkey", nameof(KnowledgeDocumentForm.ClientId), "Choose a client of this agency.")
        .On("knowledge_documents_tenant_id_campaign_id_fkey", nameof(KnowledgeDocumentForm.CampaignId), "Choose a campaign of this agency.");

    public Task<SaveResult> SaveAsync(KnowledgeDocumentForm form, CancellationToken cancellationToken = default)
    {
        if (Check(form) is { } refusal)
        {
            return Task.FromResult(refusal);
        }

        return form.IsNew
            ? unitOfWork.InsertAsync(Errors, form, Apply(form, new KnowledgeDocument()), cancellationToken)
            : unitOfWork.UpdateAsync<KnowledgeDocument>(Errors, d => d.Id == form.Id && d.DeletedAt == null, form.Version, d => Apply(form, d), cancellationToken);
    }

    public Task<SaveResult> DeleteAsync(Guid documentId, CancellationToken cancellationToken = default) =>
        Errors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
            await db.Set<KnowledgeDocument>().Where(d => d.Id == documentId && d.DeletedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.DeletedAt, DateTimeOffset.UtcNow), ct) == 1
                ? documentId
                : null, cancellationToken));

    public Task<SaveResult> RetryAsync(Guid documentId, CancellationToken cancellationToken = default) =>
        Errors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
        {
            if (!await db.Set<KnowledgeDocument>().AnyAsync(d => d.Id == documentId && d.DeletedAt == null, ct))
            {
                return null;
            }

            await db.Database.ExecuteSqlAsync($"select agency.enqueue_knowledge_index('index_document', {documentId})", ct);
            return documentId;
        }, cancellationToken));

    private static SaveResult? Check(KnowledgeDocumentForm form) => form.Scope switch
    {
        KnowledgeScopes.Client when form.ClientId is null => SaveResult.Field(nameof(form.ClientId), "Choose the client the document is about."),
        KnowledgeScopes.Campaign when form.CampaignId is null => SaveResult.Field(nameof(form.CampaignId), "Choose the campaign the document is about."),
        _ when System.Text.Encoding.UTF8.GetByteCount(form.Content) > KnowledgeDocumentForm.MaxContentBytes =>
            SaveResult.Field(nameof(form.Content), "The text is over 1 MB; split it into several documents."),
        _ => null,
    };

    private static KnowledgeDocument Apply(KnowledgeDocumentForm form, KnowledgeDocument document)
    {
        document.Title = form.Title.Trim();
        document.DocType = form.DocType;
        document.Content = form.Content;
        document.Tags = form.TagList();
        var clientId = form.Scope == KnowledgeScopes.Client ? form.ClientId : null;
        if (clientId is null || clientId != document.ClientId)
        {
            // A brand (the seed's brand guidelines have one) stays only with its client.
            document.BrandId = null;
        }

        document.ClientId = clientId;
        document.CampaignId = form.Scope == KnowledgeScopes.Campaign ? form.CampaignId : null;
        document.TeamOnly = form.Scope == KnowledgeScopes.Campaign && form.TeamOnly;
        return document;
    }
}
