using ChatService.Channels.Protocol;
using ChatService.Nlu;
using Microsoft.Extensions.Options;

namespace ChatService.Dialogs.Answers;

/// <summary>
/// Until the guided flows exist, each flow intent gets a reply that says exactly what the customer will need and how
/// to proceed (issue #3). Nothing in the chat takes the request further yet, so the reply sends the customer to the
/// hotline instead of asking them to type details here; a policy or claim number they already typed is shown back,
/// masked, in the list of what to have ready.
/// </summary>
public sealed class FlowGuide(IOptions<CompanyOptions> company)
{
    private CompanyOptions C => company.Value;

    public Activity For(string intent, string language, IReadOnlyList<NluEntity> entities)
    {
        var policy = Masked(entities, EntityTypes.PolicyNumber);
        var claim = Masked(entities, EntityTypes.ClaimNumber);
        var call = SmallTalk.CallHotline(C, language);
        var text = intent switch
        {
            Intents.ClaimReport => ClaimReport(language, call, policy),
            Intents.ClaimStatus => Localizer.Say(language,
                $"查询理赔进度，{call}，并提供{(claim is not null ? $"您的案件号 {claim} 和出险人姓名" : policy is not null ? $"您的保单号 {policy} 和出险人姓名（或理赔案件号，CL 开头加 11 位数字）" : "理赔案件号（CL 开头加 11 位数字），或保单号加出险人姓名")}。简单案件一般在材料齐全后 5 个工作日内处理完成，复杂案件不超过 10 个工作日。",
                $"To check your claim, {call} with {(claim is not null ? $"your claim number {claim} and the claimant's name" : policy is not null ? $"your policy number {policy} and the claimant's name (or the claim number, CL followed by 11 digits)" : "the claim number (CL followed by 11 digits), or the policy number and the claimant's name")}. Simple claims are usually settled within 5 working days of complete documents, complex ones within 10."),
            Intents.Complaint => Localizer.Say(language,
                $"非常抱歉给您带来不好的体验，我们会认真处理。提出投诉，{call}，并说明发生了什么、时间、{(policy is not null ? $"涉及的保单号 {policy}" : "涉及的保单号（如有）")}和您的联系方式。我们受理后会向您承诺处理时间，并在 10 个工作日内反馈处理结果；如对结果不满意，可以再次投诉。",
                $"I'm sorry about your experience; we take this seriously. To make a complaint, {call} and tell us what happened, when, {(policy is not null ? $"the policy number involved ({policy})" : "the policy number involved (if any)")} and how to reach you. We'll acknowledge it with a promised handling time and report the result within 10 working days; if you're not satisfied, you can complain again."),
            _ => Localizer.Say(language,
                $"查询保单，{call}。为保护您的信息安全，客服人员会先核验身份，请准备好{(policy is not null ? $"您的保单号 {policy}" : "保单号（P 开头加 8 位数字）")}以及投保人姓名和证件号后 4 位。",
                $"To look up your policy, {call}. To protect your information, our staff will first verify your identity: have ready {(policy is not null ? $"your policy number {policy}" : "the policy number (P followed by 8 digits)")} plus the policyholder's name and the last 4 characters of their ID number."),
        };
        return SmallTalk.Text(text, InputHints.AcceptingInput);
    }

    private static string ClaimReport(string language, string call, string? policy)
    {
        string[] zh = [policy is not null ? $"保单号（您提供的 {policy}）" : "保单号（P 开头加 8 位数字）", "出险人姓名和身份证件号", "出险时间、地点和经过", "联系电话"];
        string[] en = [policy is not null ? $"Your policy number (you gave {policy})" : "Your policy number (P followed by 8 digits)",
            "The insured person's name and ID number", "When and where it happened, and what happened", "A contact phone number"];
        static string Numbered(string[] items) => string.Join('\n', items.Select((item, i) => $"{i + 1}. {item}"));
        return Localizer.Say(language,
            $"报案{call}，并准备好以下信息：\n{Numbered(zh)}\n\n报案后客服人员会告诉您需要的理赔材料；材料齐全后，简单案件一般 5 个工作日内处理完成，复杂案件不超过 10 个工作日。",
            $"To report a claim, {call} and have ready:\n{Numbered(en)}\n\nAfter the report our staff will tell you which documents are needed; once they are complete, simple claims are usually settled within 5 working days and complex ones within 10.");
    }

    /// <summary>The first number of that kind the customer typed, masked to its last 4 characters (null: none).</summary>
    private static string? Masked(IReadOnlyList<NluEntity> entities, string type) =>
        entities.FirstOrDefault(e => e.Type == type) is { } entity ? $"****{entity.Value[^Math.Min(4, entity.Value.Length)..]}" : null;
}
