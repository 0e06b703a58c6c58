using ChatService.Staff;

namespace ChatService.Tests.Staff;

public sealed class StaffPasswordHasherTests
{
    private static readonly string Hash = StaffPasswordHasher.Hash("correct horse battery");

    [Fact]
    public void Verify_RightPassword_True() => Assert.True(StaffPasswordHasher.Verify(Hash, "correct horse battery"));

    [Fact]
    public void Verify_WrongPassword_False() => Assert.False(StaffPasswordHasher.Verify(Hash, "correct horse batterY"));

    [Fact]
    public void Hash_Format_IsVersionedWithAlgorithmIterationsSaltAndHash()
    {
        var parts = Hash.Split('$');
        Assert.Equal(["pbkdf2-sha256", "v1", "600000"], parts[..3]);
        Assert.Equal(16, Convert.FromBase64String(parts[3]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[4]).Length);
        Assert.True(StaffPasswordHasher.Iterations >= 600_000);
    }

    [Fact]
    public void Hash_SamePasswordTwice_UsesDifferentSalts() =>
        Assert.NotEqual(Hash, StaffPasswordHasher.Hash("correct horse battery"));

    [Fact]
    public void Verify_TamperedHashByte_False()
    {
        var parts = Hash.Split('$');
        var hash = Convert.FromBase64String(parts[4]);
        hash[0] ^= 1;
        parts[4] = Convert.ToBase64String(hash);
        Assert.False(StaffPasswordHasher.Verify(string.Join('$', parts), "correct horse battery"));
    }

    [Theory]
    [InlineData(2, "600001")]        // another iteration count derives another hash
    [InlineData(2, "1000")]          // a weakened count is refused outright
    [InlineData(1, "v2")]            // unknown version
    [InlineData(0, "pbkdf2-sha1")]   // unknown algorithm
    [InlineData(3, "not base64!")]
    public void Verify_TamperedField_False(int field, string value)
    {
        var parts = Hash.Split('$');
        parts[field] = value;
        Assert.False(StaffPasswordHasher.Verify(string.Join('$', parts), "correct horse battery"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("pbkdf2-sha256$v1$600000$$")]
    public void Verify_Malformed_FalseWithoutThrowing(string encoded) =>
        Assert.False(StaffPasswordHasher.Verify(encoded, "x"));

    [Theory]
    [InlineData("short-pass1", false)]
    [InlineData("            ", false)]
    [InlineData("long-enough-1", true)]
    public void PasswordPolicy_Check_RequiresTwelveCharacters(string password, bool accepted) =>
        Assert.Equal(accepted, PasswordPolicy.Check(password, minLength: 8) is null); // a configured minimum below 12 does not lower it
}
