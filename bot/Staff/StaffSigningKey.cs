using System.Security.Cryptography;
using System.Text;
using ChatService.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChatService.Staff;

/// <summary>
/// The HMAC key that signs staff bearer tokens: <c>Staff:TokenSigningKey</c> when set, else a random key
/// generated once and kept (owner-only) in <c>{Storage:DataDirectory}/staff-token.key</c>. Several instances
/// must share it: configure it, or share the data directory.
/// </summary>
public sealed class StaffSigningKey
{
    private const int MinKeyBytes = 32;
    private readonly Lazy<SymmetricSecurityKey> _key;

    public StaffSigningKey(IOptions<StaffOptions> options, IHostEnvironment environment, IConfiguration configuration) =>
        _key = new(() => new SymmetricSecurityKey(Load(options.Value.TokenSigningKey, environment, configuration)));

    public SymmetricSecurityKey Key => _key.Value;

    private static byte[] Load(string configured, IHostEnvironment environment, IConfiguration configuration)
    {
        if (configured.Length > 0)
        {
            var bytes = Encoding.UTF8.GetBytes(configured);
            return bytes.Length >= MinKeyBytes ? bytes
                : throw new InvalidOperationException($"Staff:TokenSigningKey must be at least {MinKeyBytes} bytes long.");
        }
        var directory = ContentPaths.Resolve(environment, configuration["Storage:DataDirectory"] is { Length: > 0 } d ? d : "data");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "staff-token.key");
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
        var key = RandomNumberGenerator.GetBytes(64);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(path, Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim()); // another instance won the race
        }
        return key;
    }
}
