using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.People;

namespace AgencyWorkroom.Tests.Infrastructure;

/// <summary>People writes answered with what the test chooses; remembers what it was sent.</summary>
public sealed class FakePeopleCommands : IPeopleCommands
{
    public Func<NewPersonForm, Task<SaveResult>> Create { get; set; } = _ => Task.FromResult(SaveResult.Saved(Guid.NewGuid()));

    /// <summary>A copy of each form sent, as it was when sent (the page resets its form after a success).</summary>
    public List<NewPersonForm> Created { get; } = [];

    public List<(Guid EmployeeId, bool Active)> ActiveChanges { get; } = [];

    public Task<SaveResult> CreateAsync(NewPersonForm form, CancellationToken cancellationToken = default)
    {
        Created.Add(new NewPersonForm
        {
            FullName = form.FullName, Email = form.Email, Title = form.Title, Department = form.Department, Role = form.Role, Password = form.Password,
        });
        return Create(form);
    }

    public Task<bool> SetRoleAsync(Guid employeeId, string role, CancellationToken cancellationToken = default) => Task.FromResult(true);

    public Task<bool> SetActiveAsync(Guid employeeId, bool active, CancellationToken cancellationToken = default)
    {
        ActiveChanges.Add((employeeId, active));
        return Task.FromResult(true);
    }

    public Func<Guid, PasswordReset?> Reset { get; set; } = _ => new PasswordReset(Guid.NewGuid(), "token");

    public Task<PasswordReset?> CreatePasswordResetAsync(Guid employeeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Reset(employeeId));
}
