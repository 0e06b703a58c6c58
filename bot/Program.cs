using ChatService.Hosting;
using ChatService.KnowledgeBase.Evaluation;
using ChatService.Nlu;

if (args is ["kb", ..]) return KbCommands.Run(args[1..]);
if (args is ["nlu", ..]) return NluCommands.Run(args);

var builder = ChatServiceHost.CreateBuilder(args);
builder.AddRooms();

var app = builder.Build();
app.MapRooms();
app.Run();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
