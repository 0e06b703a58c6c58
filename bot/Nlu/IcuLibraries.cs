namespace ChatService.Nlu;

/// <summary>
/// Where ICU's shared libraries are: ICU exports versioned symbols (utrans_openU_72), so the library file and its
/// version suffix are found at run time, newest first.
/// </summary>
internal static class IcuLibraries
{
    /// <summary>Candidate (path, version) pairs of <paramref name="name"/> (<c>libicui18n</c>, <c>libicuuc</c>).</summary>
    public static IEnumerable<(string Library, string Version)> Candidates(string name)
    {
        var prefix = name + ".so.";
        string[] folders = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/usr/lib64", "/lib"];
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var versions = Directory.GetFiles(folder, prefix + "*")
                .Select(Path.GetFileName).OfType<string>().Where(file => file.Length > prefix.Length)
                .Select(file => file[prefix.Length..].Split('.')[0])
                .Where(v => int.TryParse(v, out _)).Distinct().OrderByDescending(int.Parse);
            foreach (var version in versions)
                yield return (Path.Combine(folder, prefix + version), version);
        }
        for (var version = 80; version >= 50; version--)
            yield return (prefix + version, version.ToString());
    }
}
