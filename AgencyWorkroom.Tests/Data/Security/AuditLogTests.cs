using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Security;

/// <summary>The audit trail of 020: written by triggers only, read by finance and leadership, never rewritten by the app.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class AuditLogTests(TwoTenantWorld world)
{
    [Fact]
    public async Task RateChange_IsRecordedWithActorActionReasonAndOnlyTheChangedValues()
    {
        await using var s = await world.AppSessionAsync(world.A, "finance");
        await s.ExecuteAsync("select set_config('app.audit_action', 'correct', true), set_config('app.audit_reason', 'Rate agreed in May', true)");

        await s.ExecuteAsync("update agency.employee_rates set bill_rate = 175 where id = @id", ("id", world.A.Rows["agency.employee_rates"]));

        var row = (await s.QueryAsync("""
            select actor_id, actor_role, entity, entity_id, action, reason, old_values ->> 'bill_rate' as old_bill,
                   new_values ->> 'bill_rate' as new_bill, new_values ? 'cost_rate' as has_cost
            from agency.audit_log where entity = 'employee_rate' order by id desc limit 1
            """)).Single();
        Assert.Equal(world.A.People["finance"], row["actor_id"]);
        Assert.Equal("finance", row["actor_role"]);
        Assert.Equal(world.A.Rows["agency.employee_rates"], row["entity_id"]);
        Assert.Equal("correct", row["action"]);
        Assert.Equal("Rate agreed in May", row["reason"]);
        Assert.Equal("150.00", row["old_bill"]);
        Assert.Equal("175.00", row["new_bill"]);
        Assert.Equal(false, row["has_cost"]);
    }

    [Fact]
    public async Task SettingsAndRoleChanges_AreRecorded_AndAdminsReadThoseButNoRates()
    {
        await using var s = await world.AppSessionAsync(world.A, "finance");
        // The card's period began in 2020: a correction, which needs a reason (022).
        await s.ExecuteAsync("select set_config('app.audit_reason', 'Card corrected', true)");
        await s.ExecuteAsync("update agency.rate_cards set bill_rate = 151 where id = @id", ("id", world.A.Rows["agency.rate_cards"]));
        await s.SetContextAsync(world.A.Id, "admin", world.A.People["admin"]);

        await s.ExecuteAsync("update agency.tenants set timesheet_finance_signoff = true, time_entry_days_ahead = 7");
        await s.ExecuteAsync("update agency.employees set agency_role = 'pm' where id = @id", ("id", world.A.People["account"]));

        var entities = await s.QueryAsync("select entity, action, new_values from agency.audit_log order by id");
        Assert.Contains(entities, r => (string)r["entity"]! == "tenant_settings" && ((string)r["new_values"]!).Contains("\"time_entry_days_ahead\": 7"));
        Assert.Contains(entities, r => (string)r["entity"]! == "employee_role" && (string)r["action"]! == "update");
        Assert.DoesNotContain(entities, r => (string)r["entity"]! is "employee_rate" or "rate_card");
    }

    [Fact]
    public async Task UpdateThatChangesNothingAudited_LeavesNoRow()
    {
        await using var s = await world.AppSessionAsync(world.A, "leadership");
        var before = await s.ScalarAsync<long>("select count(*) from agency.audit_log");

        await s.ExecuteAsync("update agency.tenants set name = name || ' (renamed)'");
        await s.ExecuteAsync("update agency.rate_cards set bill_rate = bill_rate where id = @id", ("id", world.A.Rows["agency.rate_cards"]));

        Assert.Equal(before, await s.ScalarAsync<long>("select count(*) from agency.audit_log"));
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("pm")]
    [InlineData("account")]
    public async Task OtherRoles_ReadNoAuditRows(string role)
    {
        // One transaction, so the row is there for whoever asks next: only the policy hides it.
        await using var s = await world.AppSessionAsync(world.A, "finance");
        // The card's period began in 2020: a correction, which needs a reason (022).
        await s.ExecuteAsync("select set_config('app.audit_reason', 'Card corrected', true)");
        await s.ExecuteAsync("update agency.rate_cards set bill_rate = 151 where id = @id", ("id", world.A.Rows["agency.rate_cards"]));
        Assert.True(await s.ScalarAsync<long>("select count(*) from agency.audit_log") > 0);

        await s.SetContextAsync(world.A.Id, role, world.A.People[role]);

        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.audit_log"));
    }

    [Theory]
    [InlineData("insert into agency.audit_log (tenant_id, entity, action) values (agency.current_tenant_id(), 'employee_rate', 'insert')")]
    [InlineData("update agency.audit_log set reason = 'rewritten'")]
    [InlineData("delete from agency.audit_log")]
    [InlineData("select agency.audit_change()")]
    public async Task TheAppRole_CannotWriteTheTrail(string sql)
    {
        await using var s = await world.AppSessionAsync(world.A, "finance");

        var refused = await s.FailureAsync(sql);

        Assert.Contains(refused.SqlState, new[] { PostgresErrorCodes.InsufficientPrivilege, PostgresErrorCodes.FeatureNotSupported });
    }

    [Fact]
    public async Task AnotherTenantsTrail_IsInvisible()
    {
        await using var s = await world.AppSessionAsync(world.B, "finance");
        await s.ExecuteAsync("select set_config('app.audit_reason', 'Card corrected', true)");
        await s.ExecuteAsync("update agency.rate_cards set bill_rate = 152 where id = @id", ("id", world.B.Rows["agency.rate_cards"]));
        Assert.True(await s.ScalarAsync<long>("select count(*) from agency.audit_log where entity = 'rate_card'") > 0);

        await s.SetContextAsync(world.A.Id, "finance", world.A.People["finance"]);

        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.audit_log where tenant_id = @b", ("b", world.B.Id)));
    }
}
