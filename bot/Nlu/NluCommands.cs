using ChatService.Backends;
using ChatService.Hosting;

namespace ChatService.Nlu;

/// <summary>
/// <c>ChatService nlu train | eval FILE | predict "text" | bench</c>, dispatched by Program.cs before the web host
/// is built (<c>dotnet run --project bot -- nlu train</c>).
/// </summary>
public static class NluCommands
{
    public const string Usage = """
        usage: ChatService nlu <command>
          train [--quick]       (--quick: skip learner selection) train on nlu-models/intents, evaluate on nlu-models/test, write the model and reports
          eval FILE|FOLDER      evaluate the model on a YAML test file or folder
          predict "text"        print intent, confidence, alternatives, entities and language
          bench [--only NAME] [--dev] [--[no-]blocknorm] [--trainer KIND] [--words N] [--chars N] [--l2 X] [--iters N]
                [--zhwords N] [--ensemble COLUMNS] [--max-ngrams N] [--threads N]
                                train and test the same pipeline on BANKING77, CLINC150 and SMP2017-ECDT
                                (--dev: score on validation data, for choosing hyperparameters; --zhwords: ICU Chinese
                                word n-grams; --ensemble Features+WordNgrams+CharNgrams: one learner per feature block)
        """;

    public static int Run(string[] args)
    {
        var context = NluCommandContext.Create();
        try
        {
            return args.ElementAtOrDefault(1) switch
            {
                "train" => TrainCommand.Run(context, quick: args.Contains("--quick")),
                "eval" when args.Length > 2 => EvalCommand.Run(context, args[2]),
                "predict" when args.Length > 2 => PredictCommand.Run(context, string.Join(' ', args.Skip(2))),
                "bench" => BenchCommand.Run(context, BenchArguments.Parse(args.Skip(2).ToArray())),
                _ => Fail(Usage),
            };
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            return Fail("nlu: " + e.Message);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}

/// <summary>Options and resolved paths shared by the commands.</summary>
public sealed record NluCommandContext(NluOptions Options, IdentifierFormats Identifiers, string ContentRoot)
{
    public string DataDirectory => Resolve(Options.DataDirectory);
    public string ModelPath => Resolve(Options.ModelPath);
    public string ReportDirectory => Resolve(Options.ReportDirectory);
    /// <summary>The configured folder; a relative one is also looked for above the content root (worktrees sit deeper).</summary>
    public string DatasetsDirectory
    {
        get
        {
            var configured = Resolve(Options.DatasetsDirectory);
            if (Directory.Exists(configured) || Path.IsPathRooted(Options.DatasetsDirectory)) return configured;
            for (var dir = Directory.GetParent(ContentRoot); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, Options.DatasetsDirectory));
                if (Directory.Exists(candidate)) return candidate;
            }
            return configured;
        }
    }

    public string Resolve(string path) => ContentPaths.Resolve(ContentRoot, path);

    public static NluCommandContext Create()
    {
        var root = ContentPaths.FindContentRoot();
        var configuration = new ConfigurationBuilder().SetBasePath(root).AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables().AddEnvironmentVariables(ChatServiceHost.EnvironmentPrefix).Build();
        var options = new NluOptions();
        configuration.GetSection(NluOptions.SectionName).Bind(options);
        return new NluCommandContext(options, IdentifierFormats.From(configuration), root);
    }
}
