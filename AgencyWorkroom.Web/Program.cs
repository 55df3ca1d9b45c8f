using AgencyWorkroom.Web.Edge;
using AgencyWorkroom.Web.Extensions;

// The .NET 10 SDK generates `public partial class Program`, so WebApplicationFactory<Program> works as is.

if (args is ["migrate", ..])
{
    return await MigrateCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

if (args is ["import", ..])
{
    return await ImportCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

if (args is ["seed", ..])
{
    return await SeedCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

if (args is ["eval", ..])
{
    return await EvalCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddWorkroomEdge();
builder.AddWorkroomWeb();

var app = builder.Build();
app.UseWorkroomEdge();
app.UseWorkroomWeb();
await app.RunAsync();
return 0;
