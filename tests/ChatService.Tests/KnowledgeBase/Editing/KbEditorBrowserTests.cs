using ChatService.KnowledgeBase.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.KnowledgeBase.Editing;

/// <summary>
/// The editors' workflow clicked through in real headless Chromium: alice writes an entry, cannot approve her own
/// change, bob approves and publishes, the bot's searcher answers with it without a restart, and a 👎 question from
/// the inbox becomes a phrasing of it. Chromium cannot send
/// the test sign-in headers, so this host signs requests in from a cookie (the stand-in for the real staff sign-in).
/// </summary>
public sealed class KbEditorBrowserTests
{
    private const string Id = "value-telescope-loan";

    [Fact]
    public async Task EditorWorkflow_InChromium_CreateApproveByAnotherEditorPublish_BotAnswersWithoutRestart()
    {
        var dataDirectory = KbTestHost.NewDataDirectory();
        try
        {
            await using var host = KbTestHost.Start(dataDirectory, defaultUser: "nobody", defaultRoles: "editor");
            await using var page = await CdpPage.LaunchAsync();
            // What the bot records when a customer gives 👎 (the chat side is on another branch).
            await host.Services.GetRequiredService<IUnansweredInbox>().RecordAsync("想借望远镜看星星", "zh-Hans", InboxKinds.ThumbsDown, "product-types", "c1");
            var editor = new Uri(host.BaseAddress, "/staff/kb/").ToString();

            await page.NavigateAsync(editor); // on the service's origin, so the sign-in cookie can be set
            await SignInAsync(page, editor + "?as=alice", "alice");
            await page.EvaluateAsync(FillNewEntry);
            await page.WaitForAsync("document.querySelector('fieldset[data-lang=\"en\"] .preview strong')?.textContent === 'on loan'");
            Assert.Equal(0, (int)(await page.EvaluateAsync("document.querySelectorAll('.preview script, .preview a[href^=\"javascript\"]').length"))!);
            await page.EvaluateAsync("document.querySelector('#form').requestSubmit()");
            await WaitForMessageAsync(page, "ok", "Saved as a draft");
            await page.EvaluateAsync("document.querySelector('[data-step=submit]').click()");
            await WaitForMessageAsync(page, "ok", "Submitted for review");
            await page.EvaluateAsync("document.querySelector('[data-step=approve]').click()");
            await WaitForMessageAsync(page, "error", "Four-eyes rule: alice wrote the last change");

            await SignInAsync(page, editor + "?as=bob#" + Id, "bob");
            await page.WaitForAsync("document.querySelector('#f-status').textContent === 'review'");
            await page.EvaluateAsync("document.querySelector('[data-step=approve]').click()");
            await WaitForMessageAsync(page, "ok", "Approved");
            await page.EvaluateAsync("document.querySelector('[data-step=publish]').click()");
            await WaitForMessageAsync(page, "ok", "Published");
            await page.EvaluateAsync("document.querySelector('#test-q').value = 'can I borrow a telescope'; document.querySelector('#test-form').requestSubmit()");
            await page.WaitForAsync($"document.querySelector('#test-result .candidates li a')?.textContent === '{Id}'");
            await page.WaitForAsync("document.querySelector('#history').innerText.includes('publish by bob')");
            await page.ScreenshotAsync(Path.Combine(Path.GetTempPath(), "kb-editor-workflow.png"));

            // The 👎 question from the inbox becomes a phrasing of the new entry: a new draft, back to review.
            await page.EvaluateAsync("document.querySelector('#inbox-refresh').click()");
            await page.WaitForAsync("document.querySelector('#inbox li strong')?.textContent === '想借望远镜看星星'");
            await page.EvaluateAsync($"document.querySelector('#inbox li input').value = '{Id}'; [...document.querySelectorAll('#inbox li button')].find(b => b.textContent === 'Add as phrasing').click()");
            await WaitForMessageAsync(page, "ok", "Added");
            await page.WaitForAsync("document.querySelector('fieldset[data-lang=\"zh-Hans\"] .alternates').value.includes('想借望远镜看星星')");
            await page.WaitForAsync("document.querySelector('#f-status').textContent === 'draft' && document.querySelector('#inbox').innerText.includes('Nothing waiting')");
            await page.ScreenshotAsync(Path.Combine(Path.GetTempPath(), "kb-editor-inbox.png"));

            var decision = host.Searcher.Ask("can I borrow a telescope");
            Assert.Equal(Id, decision.Best?.Entry.Id);
            Assert.Equal(ChatService.KnowledgeBase.Search.FaqDecisionKind.Answer, decision.Kind);
        }
        finally { KbTestHost.DeleteDataDirectory(dataDirectory); }
    }

    private static async Task SignInAsync(CdpPage page, string url, string user)
    {
        await page.EvaluateAsync($"document.cookie = 'test-user={user}; path=/'");
        await page.NavigateAsync(url);
        await page.WaitForAsync($"document.querySelector('#me').textContent === '{user} (editor)'"); // who is signed in, and as what
        await page.WaitForAsync("document.querySelectorAll('#entries li').length > 100");
    }

    private static Task WaitForMessageAsync(CdpPage page, string kind, string text) =>
        page.WaitForAsync($"(m => !m.hidden && m.className === '{kind}' && m.innerText.includes({System.Text.Json.JsonSerializer.Serialize(text)}))(document.querySelector('#message'))");

    private const string FillNewEntry = """
        (() => {
          document.querySelector('#new-entry').click();
          const set = (selector, value, root = document) => { const e = root.querySelector(selector); e.value = value; e.dispatchEvent(new Event('input')); };
          set('#f-id', 'value-telescope-loan');
          set('#f-category', 'value_added');
          set('#f-owner', 'kb-team');
          const zh = document.querySelector('fieldset[data-lang="zh-Hans"]');
          set('.question', '可以借天文望远镜吗？', zh);
          set('.alternates', '借望远镜\n天文望远镜借用\n望远镜租借\n会员借望远镜\n怎么借天文望远镜', zh);
          set('.answer', '会员可**免费借用**天文望远镜，最长 7 天。', zh);
          const en = document.querySelector('fieldset[data-lang="en"]');
          set('.question', 'Can I borrow a telescope?', en);
          set('.alternates', 'borrow a telescope\ntelescope loan\nlend me a telescope\nmember telescope borrowing\nhow to borrow a telescope', en);
          set('.answer', 'Members can borrow a telescope **on loan** for up to 7 days. <script>window.pwned = 1</script> [details](javascript:alert(1))', en);
        })()
        """;
}
