using System.Runtime.InteropServices;

namespace ChatService.Nlu;

/// <summary>
/// Calls ICU's transliterator (libicui18n) through P/Invoke (library and symbol suffix: <see cref="IcuLibraries"/>).
/// An ICU transliterator is not thread-safe: each thread opens its own.
/// </summary>
internal sealed class IcuTransliterator
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr OpenU(IntPtr id, int idLength, int direction, IntPtr rules, int rulesLength,
        IntPtr parseError, ref int status);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void TransUChars(IntPtr transliterator, IntPtr text, ref int textLength, int textCapacity,
        int start, ref int limit, ref int status);

    private static readonly Lazy<(OpenU Open, TransUChars Trans)?> Functions = new(LoadFunctions);

    private readonly string id;
    private readonly ThreadLocal<IntPtr> handles;

    public IcuTransliterator(string id)
    {
        this.id = id;
        // Handles live as long as their thread; the thread pool bounds how many exist.
        handles = new ThreadLocal<IntPtr>(Open);
    }

    /// <summary>True when ICU was found and the transliterator opened.</summary>
    public bool IsAvailable => Functions.Value is not null && handles.Value != IntPtr.Zero;

    public string Transliterate(string text)
    {
        if (text.Length == 0 || Functions.Value is not { } functions) return text;
        var handle = handles.Value;
        if (handle == IntPtr.Zero) return text;
        // Han conversions are one-to-one in length; the slack covers the rare expansion.
        var capacity = text.Length * 2 + 16;
        var buffer = new char[capacity];
        text.CopyTo(0, buffer, 0, text.Length);
        var pin = GCHandle.Alloc(buffer, GCHandleType.Pinned);
        try
        {
            int length = text.Length, limit = text.Length, status = 0;
            functions.Trans(handle, pin.AddrOfPinnedObject(), ref length, capacity, 0, ref limit, ref status);
            return status > 0 ? text : new string(buffer, 0, length);
        }
        finally { pin.Free(); }
    }

    private IntPtr Open()
    {
        if (Functions.Value is not { } functions) return IntPtr.Zero;
        var pin = GCHandle.Alloc(id.ToCharArray(), GCHandleType.Pinned);
        try
        {
            var status = 0;
            var handle = functions.Open(pin.AddrOfPinnedObject(), id.Length, 0, IntPtr.Zero, 0, IntPtr.Zero, ref status);
            return status > 0 ? IntPtr.Zero : handle;
        }
        finally { pin.Free(); }
    }

    private static (OpenU, TransUChars)? LoadFunctions()
    {
        foreach (var (library, version) in IcuLibraries.Candidates("libicui18n"))
        {
            if (!NativeLibrary.TryLoad(library, out var handle)) continue;
            foreach (var suffix in new[] { "_" + version, "" })
            {
                if (NativeLibrary.TryGetExport(handle, "utrans_openU" + suffix, out var open) &&
                    NativeLibrary.TryGetExport(handle, "utrans_transUChars" + suffix, out var trans))
                    return (Marshal.GetDelegateForFunctionPointer<OpenU>(open),
                        Marshal.GetDelegateForFunctionPointer<TransUChars>(trans));
            }
        }
        return null;
    }
}
