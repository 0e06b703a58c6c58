using ChatService.KnowledgeBase.Search;

namespace ChatService.KnowledgeBase;

/// <summary>The <c>KnowledgeBase</c> section. Thresholds are tuned on data with <c>kb tune</c>; see the README.</summary>
public sealed class KnowledgeBaseOptions
{
    public const string Section = "KnowledgeBase";

    /// <summary>The folder with <c>faq/</c>, <c>eval/</c> and <c>documents/</c>, relative to the content root.</summary>
    public string Directory { get; set; } = "knowledge-base";

    /// <summary>At or above this calibrated confidence the best entry is answered directly.</summary>
    public double AnswerThreshold { get; set; } = 0.8;

    /// <summary>At or above this confidence (and below the answer threshold) the leaders are offered as "did you mean".</summary>
    public double SuggestThreshold { get; set; } = 0.2;

    /// <summary>"Did you mean" offers only entries scoring at least this fraction of the best one.</summary>
    public double SuggestRelativeFloor { get; set; } = 0.75;

    /// <summary>
    /// At or above this confidence the best entry is offered as a button next to a reply that went elsewhere (a flow,
    /// a choice of intents): the question was also one the knowledge base can answer. <c>kb tune</c> prints what each
    /// value offers on its tuning data: at 0.3, the right entry for 77.5 % of held-out alternates, another entry for
    /// 16.8 % (0.5: 70.6 % and 9.3 %; 0.7: 62.0 % and 5.0 %). Through the whole bot (RoutedKnowledgeBaseTests,
    /// 2026-12-07), the right entry shown for the evaluation / holdout questions and buttons on must-not-answer ones:
    /// 0.5 → 81.6 / 92.6 / 25.0 %, 0.4 → 82.6 / 94.1 / 25.7 %, 0.3 → 84.2 / 94.8 / 26.4 %, 0.2 → 85.5 / 95.0 / 27.7 %.
    /// 0.3 was chosen on those two sets (so they no longer measure it independently): a second button beside a reply
    /// that already serves a request costs little, and at 0.3–0.5 the entry offered is right about half the time.
    /// A refusal (the classifier's out of scope) offers none: measured through the whole bot, a button there at 0.5–0.7
    /// showed the right entry for 1.1–2.4 points more of the evaluation questions (0.4–0.9 points more of the holdout
    /// ones) and offered buttons to 1.3–7.4 points more must-not-answer ones.
    /// </summary>
    public double RelatedThreshold { get; set; } = 0.3;

    /// <summary>
    /// Weight of the meaning of English questions beside their words (<see cref="Search.FaqSemantic"/>): the best
    /// cosine between the question's sentence vector and an entry's English phrasings. 0 (the default) turns it off:
    /// the encoder costs about 170 MB of memory and 2–6 ms of CPU per new English question. To turn it on, set 1.5
    /// (chosen on held-out alternates) together with the calibration <c>kb tune</c> fitted for it (README).
    /// </summary>
    public double SemanticWeight { get; set; }

    /// <summary>
    /// Weight of the meaning of Chinese questions: the same cosine, from the question's English glosses
    /// (<see cref="Search.ChineseGlossary"/>, CC-CEDICT) to the entries' English phrasings. 0 (the default) turns it
    /// off; 0.375 was chosen on held-out alternates, beside <see cref="SemanticWeight"/> 1.5 (README). It needs the
    /// dictionary file (<see cref="GlossaryPath"/>); without it Chinese questions stay lexical and a warning is logged.
    /// </summary>
    public double ChineseSemanticWeight { get; set; }

    /// <summary>CC-CEDICT as JSON (fetched by bot/KnowledgeBase/Search/fetch-glossary.sh); empty: the per-user models folder.</summary>
    public string GlossaryPath { get; set; } = "";

    /// <summary>The cosine below which a question and an English phrasing count as unrelated (see <see cref="Search.FaqRanking.SemanticFloor"/>).</summary>
    public double SemanticFloor { get; set; } = 0.35;

    /// <summary>How raw similarities become a confidence; fitted by <c>kb tune</c>.</summary>
    public FaqCalibration Calibration { get; set; } = new();

    /// <summary>How many entries "did you mean" offers.</summary>
    public int SuggestCount { get; set; } = 3;

    /// <summary>Questions are truncated to this many characters for search only (never for the transcript).</summary>
    public int MaxQueryLength { get; set; } = 256;

    /// <summary>How often each instance checks the shared state store for a new publish (it must arrive within 2 s).</summary>
    public TimeSpan ReloadPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Company facts the answers quote as <c>{company.hotline}</c>, per language (zh-Hans, zh-Hant, en).</summary>
    public Dictionary<string, Dictionary<string, string>> Facts { get; set; } = new(StringComparer.Ordinal);
}
