using AgencyWorkroom.Data.Features.People;

namespace AgencyWorkroom.Tests.Infrastructure;

/// <summary>The signed-in person and the people list a component test chooses.</summary>
public sealed class FakePeopleQueries(MeDto me, params PersonDto[] people) : IPeopleQueries
{
    public int Calls { get; private set; }

    public Task<MeDto> GetMeAsync(CancellationToken cancellationToken = default)
    {
        Calls++;
        return Task.FromResult(me);
    }

    public Task<List<PersonDto>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult(people.ToList());
}
