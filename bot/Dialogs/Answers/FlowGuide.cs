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
        var text = intent switch
        {
            Intents.ClaimReport => Localizer.Say(language,
                $"我来帮您报案。{noted}请准备以下信息：\n1. 保单号（P 开头加 8 位数字）\n2. 出险人姓名和身份证件号\n3. 出险时间、地点和经过\n4. 联系电话\n\n您也可以拨打客服热线 {C.Hotline} 报案。报案后我们会告诉您需要的理赔材料；材料齐全后，简单案件一般 5 个工作日内处理完成，复杂案件不超过 10 个工作日。",
                $"I'll help you report a claim. {noted}Please have ready:\n1. Your policy number (P followed by 8 digits)\n2. The insured person's name and ID number\n3. When and where it happened, and what happened\n4. A contact phone number\n\nYou can also report by calling {C.Hotline}. After the report we'll tell you which documents are needed; once they are complete, simple claims are usually settled within 5 working days and complex ones within 10."),
            Intents.ClaimStatus => Localizer.Say(language,
                $"我来帮您查询理赔进度。{noted}请提供理赔案件号（CL 开头加 11 位数字），或保单号加出险人姓名。简单案件一般在材料齐全后 5 个工作日内处理完成，复杂案件不超过 10 个工作日；进度也可拨打 {C.Hotline} 查询。",
                $"I'll help you check your claim. {noted}Please give me the claim number (CL followed by 11 digits), or the policy number and the claimant's name. Simple claims are usually settled within 5 working days of complete documents, complex ones within 10; you can also call {C.Hotline}."),
            Intents.Complaint => Localizer.Say(language,
                $"非常抱歉给您带来不好的体验，我们会认真处理。{noted}请告诉我：发生了什么、时间、涉及的保单号（如有）和您的联系方式。我们受理后会向您承诺处理时间，并在 10 个工作日内反馈处理结果；如对结果不满意，可以再次投诉。",
                $"I'm sorry about your experience; we take this seriously. {noted}Please tell me what happened, when, the policy number involved (if any) and how to reach you. We'll acknowledge it with a promised handling time and report the result within 10 working days; if you're not satisfied, you can complain again."),
            _ => Localizer.Say(language,
                $"我来帮您查询保单。{noted}为保护您的信息安全，请提供保单号（P 开头加 8 位数字）以及投保人姓名和证件号后 4 位用于核验身份。",
                $"I'll help you look up your policy. {noted}To protect your information, please give me the policy number (P followed by 8 digits) plus the policyholder's name and the last 4 characters of their ID number for verification."),
        };
        return SmallTalk.Text(text, InputHints.ExpectingInput);
    }

    private static string Noted(string language, IReadOnlyList<NluEntity> entities)
    {
        var ids = entities.Where(e => e.Type is EntityTypes.PolicyNumber or EntityTypes.ClaimNumber)
            .Select(e => $"{(e.Type == EntityTypes.PolicyNumber ? Localizer.Say(language, "保单号", "policy number") : Localizer.Say(language, "案件号", "claim number"))} ****{e.Value[^Math.Min(4, e.Value.Length)..]}")
            .ToList();
        return ids.Count == 0 ? "" : Localizer.Say(language, $"已记下您的{string.Join("、", ids)}。", $"I've noted your {string.Join(", ", ids)}. ");
    }
}
