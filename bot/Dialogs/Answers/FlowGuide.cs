using ChatService.Channels.Protocol;
using ChatService.Nlu;
using Microsoft.Extensions.Options;

namespace ChatService.Dialogs.Answers;

/// <summary>
/// Until the guided flows exist, each flow intent gets a reply that says exactly what the customer will need and
/// how to proceed, using what they already told us (a policy or claim number they typed is acknowledged, masked).
/// </summary>
public sealed class FlowGuide(IOptions<CompanyOptions> company)
{
    private CompanyOptions C => company.Value;

    public Activity For(string intent, string language, IReadOnlyList<NluEntity> entities)
    {
        var noted = Noted(language, entities);
        // What the customer already typed is acknowledged and not asked for again.
        var hasPolicy = entities.Any(e => e.Type == EntityTypes.PolicyNumber);
        var hasClaim = entities.Any(e => e.Type == EntityTypes.ClaimNumber);
        var text = intent switch
        {
            Intents.ClaimReport => ClaimReport(language, noted, hasPolicy),
            Intents.ClaimStatus => Localizer.Say(language,
                $"我来帮您查询理赔进度。{noted}{(hasClaim ? "为核验身份，请再提供出险人姓名。" : hasPolicy ? "请再提供出险人姓名，或直接提供理赔案件号（CL 开头加 11 位数字）。" : "请提供理赔案件号（CL 开头加 11 位数字），或保单号加出险人姓名。")}简单案件一般在材料齐全后 5 个工作日内处理完成，复杂案件不超过 10 个工作日；进度也可拨打 {C.Hotline} 查询。",
                $"I'll help you check your claim. {noted}{(hasClaim ? "To verify it's you, please also tell me the claimant's name. " : hasPolicy ? "Please also tell me the claimant's name, or give me the claim number (CL followed by 11 digits) instead. " : "Please give me the claim number (CL followed by 11 digits), or the policy number and the claimant's name. ")}Simple claims are usually settled within 5 working days of complete documents, complex ones within 10; you can also call {C.Hotline}."),
            Intents.Complaint => Localizer.Say(language,
                $"非常抱歉给您带来不好的体验，我们会认真处理。{noted}请告诉我：发生了什么、时间、{(hasPolicy ? "" : "涉及的保单号（如有）和")}您的联系方式。我们受理后会向您承诺处理时间，并在 10 个工作日内反馈处理结果；如对结果不满意，可以再次投诉。",
                $"I'm sorry about your experience; we take this seriously. {noted}Please tell me what happened, when, {(hasPolicy ? "" : "the policy number involved (if any) and ")}how to reach you. We'll acknowledge it with a promised handling time and report the result within 10 working days; if you're not satisfied, you can complain again."),
            _ => Localizer.Say(language,
                $"我来帮您查询保单。{noted}为保护您的信息安全，请{(hasPolicy ? "再" : "提供保单号（P 开头加 8 位数字）以及")}提供投保人姓名和证件号后 4 位用于核验身份。",
                $"I'll help you look up your policy. {noted}To protect your information, please {(hasPolicy ? "also " : "give me the policy number (P followed by 8 digits) plus ")}tell me the policyholder's name and the last 4 characters of their ID number for verification."),
        };
        return SmallTalk.Text(text, InputHints.ExpectingInput);
    }

    private string ClaimReport(string language, string noted, bool hasPolicy)
    {
        string[] zh = ["出险人姓名和身份证件号", "出险时间、地点和经过", "联系电话"];
        string[] en = ["The insured person's name and ID number", "When and where it happened, and what happened", "A contact phone number"];
        if (!hasPolicy) (zh, en) = (["保单号（P 开头加 8 位数字）", .. zh], ["Your policy number (P followed by 8 digits)", .. en]);
        static string Numbered(string[] items) => string.Join('\n', items.Select((item, i) => $"{i + 1}. {item}"));
        return Localizer.Say(language,
            $"我来帮您报案。{noted}请准备以下信息：\n{Numbered(zh)}\n\n您也可以拨打客服热线 {C.Hotline} 报案。报案后我们会告诉您需要的理赔材料；材料齐全后，简单案件一般 5 个工作日内处理完成，复杂案件不超过 10 个工作日。",
            $"I'll help you report a claim. {noted}Please have ready:\n{Numbered(en)}\n\nYou can also report by calling {C.Hotline}. After the report we'll tell you which documents are needed; once they are complete, simple claims are usually settled within 5 working days and complex ones within 10.");
    }

    private static string Noted(string language, IReadOnlyList<NluEntity> entities)
    {
        var ids = entities.Where(e => e.Type is EntityTypes.PolicyNumber or EntityTypes.ClaimNumber)
            .Select(e => $"{(e.Type == EntityTypes.PolicyNumber ? Localizer.Say(language, "保单号", "policy number") : Localizer.Say(language, "案件号", "claim number"))} ****{e.Value[^Math.Min(4, e.Value.Length)..]}")
            .ToList();
        return ids.Count == 0 ? "" : Localizer.Say(language, $"已记下您的{string.Join("、", ids)}。", $"I've noted your {string.Join(", ", ids)}. ");
    }
}
