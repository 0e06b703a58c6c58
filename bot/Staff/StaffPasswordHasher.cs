using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatService.Staff;

/// <summary>
/// PBKDF2-SHA256 password hashes in a versioned text format:
/// <c>pbkdf2-sha256$v1${iterations}${salt base64}${hash base64}</c>, with a random 16-byte salt per hash.
/// </summary>
public static class StaffPasswordHasher
{
    public const int Iterations = 600_000;
    private const string Algorithm = "pbkdf2-sha256";
    private const string Version = "v1";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    // Accepting far fewer iterations would let a tampered row weaken the check; far more would let it stall sign-in.
    private const int MinIterations = 100_000;
    private const int MaxIterations = 10_000_000;

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations);
        return string.Join('$', Algorithm, Version, Iterations.ToString(CultureInfo.InvariantCulture),
            Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool Verify(string encoded, string password)
    {
        if (!TryParse(encoded, out var iterations, out var salt, out var expected)) return false;
        var actual = Derive(password, salt, iterations);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>True when the hash was made with fewer iterations than today's, so it should be re-hashed at the next sign-in.</summary>
    public static bool NeedsRehash(string encoded) =>
        !TryParse(encoded, out var iterations, out _, out _) || iterations < Iterations;

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    private static bool TryParse(string encoded, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = encoded.Split('$');
        if (parts.Length != 5 || parts[0] != Algorithm || parts[1] != Version) return false;
        if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations < MinIterations || iterations > MaxIterations) return false;
        try
        {
            salt = Convert.FromBase64String(parts[3]);
            hash = Convert.FromBase64String(parts[4]);
        }
        catch (FormatException)
        {
            return false;
        }
        return salt.Length >= SaltBytes && hash.Length == HashBytes;
    }
}
