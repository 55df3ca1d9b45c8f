using System.Text.Json;
using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Analytics;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Npgsql;

namespace AgencyWorkroom.Data.Features.Assistant;

public interface IAssistantCommands
{
    /// <summary>
    /// Answers a question and keeps both in the conversation (a new one when <paramref name="conversationId"/>
    /// is null). <paramref name="page"/> says where the panel is open; <paramref name="chosen"/> is a
    /// "did you mean" pick.
    /// </summary>
    /// <remarks>With a chat model configured, its text comes to <paramref name="onText"/> as it streams.</remarks>
    Task<AskResult> AskAsync(Guid? conversationId, string question, AssistantPageContext page, NameCandidate? chosen = null,
        Func<string, Task>? onText = null, CancellationToken cancellationToken = default);
}

/// <summary>An answer before it is stored.</summary>
public sealed record ComposedAnswer(
    string Intent, string Content, IReadOnlyList<AssistantFigure> Figures, IReadOnlyList<AssistantCitation> Citations,
    IReadOnlyList<NameCandidate> DidYouMean, string? Model = null);

/// <summary>
/// The offline assistant (the default, and the only mode without a chat model): the question's
/// intent by its nearest labelled example, the names in it by trigram similarity over what the
/// asker may see, then one typed tool or the knowledge base. The answer is the tool's figures and
/// the best passages, quoted, with their citations; its sentences hold no number of their own.
/// </summary>
public sealed class AssistantCommands(
    UnitOfWork unitOfWork,
    ISessionContextSource session,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IntentClassifier classifier,
    IKnowledgeRetrieval retrieval,
    AssistantTools tools,
    IAssistantQueries queries,
    IEnumerable<IChatClient> chatClients) : IAssistantCommands
{
    public const int MaxQuestionLength = 1000;
    public const int PassagesQuoted = 3;

    /// <summary>Two names this close in score are both offered ("did you mean").</summary>
    public const float AmbiguityMargin = 0.05f;

    /// <summary>A name scoring at least this is taken (over the page's campaign too); below it, it is only offered.</summary>
    public const float NamedOverPage = 0.6f;

    public static string? Validate(string? question) =>
        string.IsNullOrWhiteSpace(question) ? "Type a question."
        : question.Trim().Length > MaxQuestionLength ? $"Questions are at most {MaxQuestionLength} characters ({question.Trim().Length} now)."
        : null;

    public async Task<AskResult> AskAsync(Guid? conversationId, string question, AssistantPageContext page, NameCandidate? chosen = null,
        Func<string, Task>? onText = null, CancellationToken cancellationToken = default)
    {
        if (Validate(question) is { } error)
        {
            return AskResult.Refused(conversationId ?? Guid.Empty, error);
        }

        question = question.Trim();
        // A "did you mean" pick is answered offline: the pick names the row, no model is needed.
        var answer = chatClients.FirstOrDefault() is { } chat && chosen is null
            ? await new ChatAssistant(chat, tools, queries, retrieval, embedder).AnswerAsync(question, page, onText, cancellationToken)
            : await ComposeAsync(question, page, chosen, cancellationToken);
        return await StoreAsync(conversationId, question, answer, cancellationToken);
    }

    /// <summary>The offline answer to a question, without storing it (the benchmark and the eval time this).</summary>
    public async Task<ComposedAnswer> ComposeAsync(string question, AssistantPageContext page, NameCandidate? chosen, CancellationToken cancellationToken)
    {
        var vector = (await embedder.GenerateAsync([question], cancellationToken: cancellationToken))[0].Vector;
        var names = await unitOfWork.RunAsync((db, ct) => AssistantQueries.ResolveAsync(db, question, ct), cancellationToken);
        // The intent is read from the question with the names it spells out replaced by their kind
        // ("Is the campaign on track?"): a long name otherwise pulls the question to whatever example
        // its words resemble (the evaluation found "Which campaigns are active for Blick Cars?" routed to at-risk).
        var masked = MaskNames(question, names);
        var intentVector = masked == question ? vector
            : (await embedder.GenerateAsync([masked], cancellationToken: cancellationToken))[0].Vector;
        var intent = await classifier.ClassifyAsync(intentVector, cancellationToken);
        if (intent.Intent == AssistantIntents.Knowledge)
        {
            return await KnowledgeAsync(question, vector, cancellationToken);
        }

        var today = DateOnly.FromDateTime(DateTime.Today);
        var period = PeriodOf(question);
        switch (intent.Intent)
        {
            case AssistantIntents.CampaignBudget or AssistantIntents.CampaignHours or AssistantIntents.CampaignHealth or AssistantIntents.CampaignMargin:
            {
                var campaign = Pick("campaign", names, chosen, page.CampaignId, question);
                if (campaign.Ambiguous is { } options)
                {
                    return DidYouMean(intent.Intent, options);
                }

                if (campaign.Id is { } id)
                {
                    return FromTool(await tools.CampaignAsync(id, intent.Intent, cancellationToken));
                }

                // A margin may be a client's.
                if (intent.Intent == AssistantIntents.CampaignMargin && Pick("client", names, chosen, page.ClientId, question) is { Id: { } clientId })
                {
                    return FromTool(await tools.ClientMarginAsync(clientId, period, today, cancellationToken));
                }

                return Ask(intent.Intent, "Which campaign? No campaign you may see matches a name in the question. Name it, or ask on its page.");
            }

            case AssistantIntents.Utilization:
            {
                var person = Pick("person", names, chosen, null, question);
                if (person.Ambiguous is { } options)
                {
                    return DidYouMean(intent.Intent, options);
                }

                var me = Mine(question) ? (await session.GetAsync(cancellationToken))?.EmployeeId : null;
                return FromTool(await tools.UtilizationAsync(person.Id ?? me, period, today, cancellationToken));
            }

            case AssistantIntents.ClientCampaigns:
            {
                var client = Pick("client", names, chosen, page.ClientId, question);
                if (client.Ambiguous is { } options)
                {
                    return DidYouMean(intent.Intent, options);
                }

                return client.Id is { } id
                    ? FromTool(await tools.ClientCampaignsAsync(id, cancellationToken))
                    : Ask(intent.Intent, "Which client? No client you may see matches a name in the question.");
            }

            case AssistantIntents.AtRisk:
                return FromTool(await tools.AtRiskAsync(cancellationToken));
            case AssistantIntents.OverAllocated:
                return FromTool(await tools.OverAllocatedAsync(today, cancellationToken));
            case AssistantIntents.PendingApprovals:
                return FromTool(await tools.PendingApprovalsAsync(cancellationToken));
            case AssistantIntents.RecentActivity:
                return FromTool(await tools.RecentActivityAsync(cancellationToken));
            default:
                return await KnowledgeAsync(question, vector, cancellationToken);
        }
    }

    private async Task<ComposedAnswer> KnowledgeAsync(string question, ReadOnlyMemory<float> vector, CancellationToken cancellationToken)
    {
        var passages = await retrieval.SearchAsync(vector, question, PassagesQuoted, cancellationToken);
        if (passages.Count == 0)
        {
            return new ComposedAnswer(AssistantIntents.Knowledge, "Nothing in the knowledge base you may read answers this.", [], [], []);
        }

        // Passages are data: quoted, never followed. Whatever a passage says, the answer is the passage itself.
        var citations = passages.Select((p, i) => new AssistantCitation(
            i + 1, AssistantCitation.Passage, p.DocumentTitle, p.Href, p.Content,
            p.DocumentId, p.ChunkId, p.Similarity)).ToList();
        var content = "The passages that answer it best:\n\n" + string.Join("\n\n", citations.Select(c => $"> {Quote(c.Quote!)} [{c.Number}]"));
        return new ComposedAnswer(AssistantIntents.Knowledge, content, [], citations, []);
    }

    private static string Quote(string text) => text.ReplaceLineEndings(" ").Trim();

    private static ComposedAnswer FromTool(ToolResult result)
    {
        var citations = result.Source is { } source ? new[] { source with { Number = 1 } } : [];
        var content = result.Withheld
            ? $"{result.Summary} These figures are not available to your role."
            : result.Summary;
        if (citations.Length > 0)
        {
            content += " [1]";
        }

        return new ComposedAnswer(result.Tool, content, result.Figures, citations, []);
    }

    private static ComposedAnswer DidYouMean(string intent, IReadOnlyList<NameCandidate> options) =>
        new(intent, "Did you mean one of these?", [], [], options);

    private static ComposedAnswer Ask(string intent, string text) => new(intent, text, [], [], []);

    /// <summary>The row of a kind the question names: the best by score, the page's when it says "this" or names none, or several when two fit about as well.</summary>
    internal static (Guid? Id, IReadOnlyList<NameCandidate>? Ambiguous) Pick(
        string kind, IReadOnlyList<NameCandidate> names, NameCandidate? chosen, Guid? onPage, string question)
    {
        if (chosen is { } c && c.Kind == kind)
        {
            return (c.Id, null);
        }

        var lower = question.ToLowerInvariant();
        var saysThis = lower.Contains("this campaign") || lower.Contains("this project") || lower.Contains("this client")
            || lower.Contains("this one") || lower.Contains("here");
        var ofKind = names.Where(n => n.Kind == kind).ToList();
        if (onPage is { } page && (saysThis || ofKind.Count == 0 || ofKind[0].Score < NamedOverPage))
        {
            return (page, null);
        }

        if (ofKind.Count == 0)
        {
            return (null, null);
        }

        // A weak match (a shared word: "Velvet Otter Launch" against "Spring launch") is only offered, never taken.
        if (ofKind[0].Score < NamedOverPage)
        {
            return (null, ofKind.Take(5).ToList());
        }

        var close = ofKind.TakeWhile(n => n.Score >= ofKind[0].Score - AmbiguityMargin).DistinctBy(n => n.Id).ToList();
        return close.Count > 1 ? (null, close.Take(5).ToList()) : (ofKind[0].Id, null);
    }

    /// <summary>The question with each name it spells out in full (a taken match, any case) replaced by its kind.</summary>
    public static string MaskNames(string question, IReadOnlyList<NameCandidate> names)
    {
        var masked = question;
        foreach (var name in names.Where(n => n.Score >= NamedOverPage && n.Name.Length >= 3).OrderByDescending(n => n.Name.Length))
        {
            var at = masked.IndexOf(name.Name, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var kind = name.Kind switch
                {
                    "campaign" => "the campaign",
                    "client" => "the client",
                    _ => "this person",
                };
                masked = string.Concat(masked.AsSpan(0, at), kind, masked.AsSpan(at + name.Name.Length));
            }
        }

        return masked;
    }

    private static bool Mine(string question)
    {
        var words = question.ToLowerInvariant().Split([' ', '?', ',', '.', '!', '\''], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => w is "my" or "i" or "me" or "mine");
    }

    internal static PeriodPreset PeriodOf(string question)
    {
        var lower = question.ToLowerInvariant();
        return lower.Contains("last month") || lower.Contains("previous month") ? PeriodPreset.LastMonth
            : lower.Contains("quarter") ? PeriodPreset.ThisQuarter
            : lower.Contains("12 months") || lower.Contains("year") ? PeriodPreset.Last12Months
            : PeriodPreset.ThisMonth;
    }

    private async Task<AskResult> StoreAsync(Guid? conversationId, string question, ComposedAnswer answer, CancellationToken cancellationToken)
    {
        try
        {
            return await unitOfWork.RunAsync(async (db, ct) =>
            {
                AiConversation? conversation = null;
                if (conversationId is { } id)
                {
                    conversation = await db.Set<AiConversation>().SingleOrDefaultAsync(c => c.Id == id && c.DeletedAt == null, ct);
                    if (conversation is null)
                    {
                        return AskResult.Refused(id, "That conversation can't be found.");
                    }
                }

                if (conversation is null)
                {
                    conversation = new AiConversation { Title = question.Length <= 80 ? question : question[..79] + "…" };
                    db.Add(conversation);
                    await db.SaveChangesAsync(ct);
                }
                else
                {
                    // Latest first in the list: touching the row moves it up (the trigger sets updated_at).
                    db.Entry(conversation).Property(c => c.Title).IsModified = true;
                }

                db.Add(new AiMessage { ConversationId = conversation.Id, Role = "user", Content = question });
                var reply = new AiMessage
                {
                    ConversationId = conversation.Id,
                    Role = "assistant",
                    Content = answer.Content,
                    Intent = answer.Intent,
                    Model = answer.Model,
                    Figures = JsonSerializer.Serialize(answer.Figures, AssistantQueries.Json),
                    Citations = AssistantQueries.CitationsJson(answer.Citations, answer.DidYouMean),
                };
                db.Add(reply);
                await db.SaveChangesAsync(ct);
                return new AskResult(conversation.Id, AssistantQueries.ToDto(reply), null);
            }, cancellationToken);
        }
        catch (Exception ex) when (IsRateLimit(ex))
        {
            return AskResult.Refused(conversationId ?? Guid.Empty,
                "You have asked a lot of questions in the last minute. Wait a moment, then ask again.");
        }
    }

    private static bool IsRateLimit(Exception ex) =>
        (ex as PostgresException ?? ex.InnerException as PostgresException) is { SqlState: "54000", Hint: "assistant_rate_limit" };
}
