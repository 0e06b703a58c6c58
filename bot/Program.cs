using ChatService.Hosting;

if (args.FirstOrDefault() == "nlu") return ChatService.Nlu.NluCommands.Run(args);

var builder = ChatServiceHost.CreateBuilder(args);
builder.AddRooms();

var app = builder.Build();
app.MapRooms();
app.Run();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
