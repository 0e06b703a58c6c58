using ChatService.Tests.Support;
using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Transcripts;

/// <summary>With no Transcripts:EncryptionKey there are no originals to read, even for an admin.</summary>
public sealed class TranscriptsApiWithoutKeyTests : IAsyncLifetime
{
    private readonly TempDataDirectory _directory = new();
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            // ChatServiceHost defaults to port 5080 when no urls are configured; a free port instead (shared machine).
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("Storage:DataDirectory", _directory.Path);
            builder.UseSetting("Transcripts:EncryptionKey", "");
            // The test auth handler stands in for the real staff sign-in (another branch).
            builder.ConfigureServices(services => services.AddTestStaffSignIn());
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task GetOriginals_NoKeyConfigured_Returns404ProblemSayingWhy()
    {
        using var http = new HttpClient { BaseAddress = _factory.ClientOptions.BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/transcripts/conversations/any/originals");
        request.SignInAs("test-admin", "admin");

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("EncryptionKey is not configured", await response.Content.ReadAsStringAsync());
    }
}
