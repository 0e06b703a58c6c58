namespace ChatService.Nlu;

/// <summary>
/// Forward maximum matching: reading left to right, the longest dictionary word (up to a length) starting at each
/// position is taken as a word; a character that starts none is passed on alone.
/// </summary>
public static class LongestMatch
{
    public static void Walk<T>(ReadOnlySpan<char> text, Dictionary<string, T> words, int maxLength, Action<T> onWord, Action<char>? onOther = null)
    {
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < text.Length;)
        {
            var matched = 0;
            for (var length = Math.Min(maxLength, text.Length - i); length >= 1; length--)
            {
                if (!lookup.TryGetValue(text.Slice(i, length), out var value)) continue;
                onWord(value);
                matched = length;
                break;
            }
            if (matched == 0) onOther?.Invoke(text[i]);
            i += Math.Max(matched, 1);
        }
    }
}
