using ChatService.Hosting;

var builder = ChatServiceHost.CreateBuilder(args);
builder.AddRooms();

var app = builder.Build();
app.MapRooms();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
