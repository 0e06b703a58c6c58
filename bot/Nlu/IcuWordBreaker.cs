using System.Runtime.InteropServices;

namespace ChatService.Nlu;

/// <summary>
/// Chinese word segmentation with ICU's dictionary-based word break iterator (libicuuc, <c>ubrk_open(UBRK_WORD, "zh")</c>)
/// through P/Invoke. A break iterator is not thread-safe: each thread opens its own. Without ICU, <see cref="Split"/>
/// returns the space-separated words.
/// </summary>
public static class IcuWordBreaker
{
    private const int WordBreak = 1; // UBRK_WORD
    private const int Done = -1; // UBRK_DONE

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr OpenBreak(int type, [MarshalAs(UnmanagedType.LPStr)] string locale, IntPtr text, int length, ref int status);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void SetText(IntPtr iterator, IntPtr text, int length, ref int status);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int Step(IntPtr iterator);

    private static readonly Lazy<(OpenBreak Open, SetText SetText, Step First, Step Next)?> Functions = new(LoadFunctions);

    // Handles live as long as their thread; the thread pool bounds how many exist.
    private static readonly ThreadLocal<IntPtr> Iterators = new(() =>
    {
        if (Functions.Value is not { } functions) return IntPtr.Zero;
        var status = 0;
        var iterator = functions.Open(WordBreak, "zh", IntPtr.Zero, 0, ref status);
        return status > 0 ? IntPtr.Zero : iterator;
    });

    public static bool IsAvailable => Iterators.Value != IntPtr.Zero;

    /// <summary>The words of <paramref name="text"/> (segments that are only spaces dropped): 我要申请理赔 → 我要 申请 理 赔.</summary>
    public static List<string> Split(string text)
    {
        var words = new List<string>();
        var iterator = Iterators.Value;
        if (text.Length == 0) return words;
        if (iterator == IntPtr.Zero || Functions.Value is not { } functions)
        {
            words.AddRange(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            return words;
        }
        var buffer = text.ToCharArray();
        var pin = GCHandle.Alloc(buffer, GCHandleType.Pinned);
        try
        {
            var status = 0;
            functions.SetText(iterator, pin.AddrOfPinnedObject(), buffer.Length, ref status);
            if (status > 0) return [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
            var start = functions.First(iterator);
            for (var end = functions.Next(iterator); end != Done && end <= buffer.Length; start = end, end = functions.Next(iterator))
            {
                var word = new string(buffer, start, end - start).Trim();
                if (word.Length > 0) words.Add(word);
            }
            // Drop the iterator's pointer into the buffer before it is unpinned.
            functions.SetText(iterator, IntPtr.Zero, 0, ref status);
            return words;
        }
        finally { pin.Free(); }
    }

    private static (OpenBreak, SetText, Step, Step)? LoadFunctions()
    {
        foreach (var (library, version) in IcuLibraries.Candidates("libicuuc"))
        {
            if (!NativeLibrary.TryLoad(library, out var handle)) continue;
            foreach (var suffix in new[] { "_" + version, "" })
            {
                if (NativeLibrary.TryGetExport(handle, "ubrk_open" + suffix, out var open) &&
                    NativeLibrary.TryGetExport(handle, "ubrk_setText" + suffix, out var setText) &&
                    NativeLibrary.TryGetExport(handle, "ubrk_first" + suffix, out var first) &&
                    NativeLibrary.TryGetExport(handle, "ubrk_next" + suffix, out var next))
                    return (Marshal.GetDelegateForFunctionPointer<OpenBreak>(open), Marshal.GetDelegateForFunctionPointer<SetText>(setText),
                        Marshal.GetDelegateForFunctionPointer<Step>(first), Marshal.GetDelegateForFunctionPointer<Step>(next));
            }
        }
        return null;
    }
}
