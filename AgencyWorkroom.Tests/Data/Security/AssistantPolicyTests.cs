using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Security;

/// <summary>040 and 007 on the assistant's tables, attacked as the app role.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class AssistantPolicyTests(TwoTenantWorld world)
{
    private const string NewConversation = "insert into agency.ai_conversations (id, title) values (@id, 'Mine')";
    private const string Question = "insert into agency.ai_messages (conversation_id, role, content) values (@c, 'user', @q)";

    [Fact]
    public async Task AiMessages_ThirteenthQuestionInAMinute_IsRefused()
    {
        await using var s = await world.AppSessionAsync(world.A, "account");
        var conversation = Guid.NewGuid();
        await s.ExecuteAsync(NewConversation, ("id", conversation));
        for (var i = 0; i < 12; i++)
        {
            await s.ExecuteAsync(Question, ("c", conversation), ("q", $"question {i}"));
        }

        var refusal = await s.FailureAsync(Question, ("c", conversation), ("q", "one too many"));

        Assert.Equal("54000", refusal.SqlState);
        Assert.Equal("assistant_rate_limit", refusal.Hint);
        // Answers are not questions: the assistant may still reply.
        await s.ExecuteAsync("insert into agency.ai_messages (conversation_id, role, content) values (@c, 'assistant', 'reply')", ("c", conversation));
    }

    [Fact]
    public async Task AiMessages_AQuestionOverTheLimit_IsRefused()
    {
        await using var s = await world.AppSessionAsync(world.A, "account");
        var conversation = Guid.NewGuid();
        await s.ExecuteAsync(NewConversation, ("id", conversation));

        var refusal = await s.FailureAsync(Question, ("c", conversation), ("q", new string('x', 1001)));

        Assert.Equal("23514", refusal.SqlState);
        Assert.Equal("ai_messages_question_size", refusal.ConstraintName);
    }

    [Fact]
    public async Task AiMessages_IntoSomeoneElsesConversation_AreRefusedAndTheirsUnseen()
    {
        var conversation = Guid.NewGuid();
        await using var owner = await world.AppSessionAsync(world.A, "creative");
        await owner.ExecuteAsync(NewConversation, ("id", conversation));
        await owner.ExecuteAsync(Question, ("c", conversation), ("q", "private question"));
        await owner.CommitAsync();

        await using var colleague = await world.AppSessionAsync(world.A, "leadership");
        var refusal = await colleague.FailureAsync(Question, ("c", conversation), ("q", "planted"));
        var seen = await colleague.ScalarAsync<long>("select count(*) from agency.ai_messages where conversation_id = @c", ("c", conversation));
        await using var stranger = await world.AppSessionAsync(world.B, "admin");
        var seenByB = await stranger.ScalarAsync<long>("select count(*) from agency.ai_conversations where id = @c", ("c", conversation));

        Assert.Equal("42501", refusal.SqlState);
        Assert.Equal(0, seen);
        Assert.Equal(0, seenByB);
    }
}
