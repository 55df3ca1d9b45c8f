using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Knowledge;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace AgencyWorkroom.Web.Components.Pages.Knowledge;

/// <summary>Adds a knowledge document or edits one: typed Markdown or an uploaded .md / .txt file; read-only for roles the database would refuse.</summary>
public sealed partial class KnowledgeEditPage
{
    private static readonly string[] DocTypes = ["playbook", "brand_guidelines", "post_mortem", "process", "case_study", "research", "policy", "other"];

    private KnowledgeDocumentForm? _form;
    private FormState? _state;
    private bool _canWrite;
    private bool _missing;
    private string? _uploadError;
    private IReadOnlyList<OptionDto> _clients = [];
    private IReadOnlyList<OptionDto> _campaigns = [];

    [Parameter]
    public Guid? DocumentId { get; set; }

    [Inject]
    private IKnowledgeQueries Queries { get; set; } = default!;

    [Inject]
    private IKnowledgeCommands Commands { get; set; } = default!;

    [Inject]
    private IPeopleQueries People { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private string Heading => DocumentId is null ? "Add document" : _form is { Title.Length: > 0 } ? $"Edit {_form.Title}" : "Edit document";

    protected override async Task OnParametersSetAsync()
    {
        var me = await People.GetMeAsync();
        _canWrite = KnowledgeCommands.Writers.Contains(me.Role);
        _clients = await Queries.ClientOptionsAsync();
        _campaigns = await Queries.CampaignOptionsAsync();
        if (DocumentId is { } id)
        {
            var detail = await Queries.GetAsync(id);
            _form = detail is null ? null : new KnowledgeDocumentForm
            {
                Id = detail.Id,
                Version = detail.Version,
                Title = detail.Title,
                DocType = detail.DocType,
                Scope = detail.CampaignId is not null ? KnowledgeScopes.Campaign : detail.ClientId is not null ? KnowledgeScopes.Client : KnowledgeScopes.Tenant,
                ClientId = detail.ClientId,
                CampaignId = detail.CampaignId,
                TeamOnly = detail.TeamOnly,
                Tags = string.Join(", ", detail.Tags),
                Content = detail.Content,
            };
        }
        else
        {
            _form = new KnowledgeDocumentForm();
        }

        _missing = _form is null;
        _state = _form is null ? null : new FormState(_form);
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        var file = e.File;
        _uploadError = KnowledgeUpload.Refusal(file.Name, file.Size);
        if (_uploadError is not null || _form is null)
        {
            return;
        }

        using var reader = new StreamReader(file.OpenReadStream(KnowledgeDocumentForm.MaxContentBytes));
        _form.Content = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(_form.Title))
        {
            _form.Title = Path.GetFileNameWithoutExtension(file.Name).Replace('-', ' ').Replace('_', ' ');
        }

        _state?.EditContext.NotifyFieldChanged(_state.EditContext.Field(nameof(KnowledgeDocumentForm.Content)));
    }

    private async Task SaveAsync()
    {
        var result = await _state!.SaveAsync(() => Commands.SaveAsync(_form!));
        if (result is { Succeeded: true })
        {
            Navigation.NavigateTo("/knowledge");
        }
    }
}
