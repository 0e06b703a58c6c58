using ChatService.Nlu;

namespace ChatService.KnowledgeBase.Documents;

/// <summary>
/// Counts tokens the way LLM tokenizers roughly do for mixed Chinese/English text: every Han character is one token
/// (Semantic Kernel's default counter, length / 4, would count a 200-character Chinese passage as 50), an English
/// word is one token up to 6 letters and one more per further 6 started, a number one token per 3 digits, and every other
/// visible symbol one token. Whitespace is free.
/// </summary>
public static class HanTokenCounter
{
    public static int Count(string text)
    {
        var tokens = 0;
        var i = 0;
        while (i < text.Length)
        {
            var ch = text[i];
            if (ScriptConverter.IsHan(ch)) { tokens++; i++; }
            else if (char.IsAsciiLetter(ch) || char.IsAsciiDigit(ch))
            {
                var start = i;
                var digits = char.IsAsciiDigit(ch);
                while (i < text.Length && (digits ? char.IsAsciiDigit(text[i]) : char.IsAsciiLetter(text[i]))) i++;
                var length = i - start;
                tokens += digits ? (length + 2) / 3 : 1 + (length - 1) / 6;
            }
            else if (char.IsWhiteSpace(ch)) i++;
            else if (char.IsHighSurrogate(ch) && i + 1 < text.Length) { tokens++; i += 2; }
            else { tokens++; i++; }
        }
        return tokens;
    }
}
