namespace ChatService.Nlu;

/// <summary>
/// The model in use. Swapping is one reference write: a turn that already read the old model finishes with it,
/// the next turn gets the new one, and none is dropped.
/// </summary>
public sealed class IntentModelHolder
{
    private IntentModel? current;

    public IntentModelHolder(IntentModel? model = null) => current = model;

    public IntentModel? Current => Volatile.Read(ref current);

    /// <summary>Raised after every swap (tests and diagnostics wait on it).</summary>
    public event Action<IntentModel>? Swapped;

    public void Swap(IntentModel model)
    {
        Volatile.Write(ref current, model);
        Swapped?.Invoke(model);
    }
}
