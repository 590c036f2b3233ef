using Orleans.Storage;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// How grain state is written: Orleans' binary serializer (the [GenerateSerializer]/[Id] contracts of the state
/// classes, version-tolerant for added fields) behind a two-byte marker. Rows written before (Orleans' default JSON
/// with $type names, about 3.5× larger and the costliest step of a grain write: docs/benchmarks.md) carry no marker
/// and are still read with that JSON serializer, so no migration is needed; they turn binary at their next write.
/// </summary>
public sealed class GrainStateFormat(IServiceProvider services) : IGrainStorageSerializer
{
    /// <summary>0xC5 0xB1 never starts a JSON text (JSON starts with whitespace, '{', '[' or a BOM).</summary>
    private static readonly byte[] Marker = [0xC5, 0xB1];

    private readonly OrleansGrainStorageSerializer _binary = ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(services);
    private readonly IGrainStorageSerializer _legacyJson = services.GetRequiredService<IGrainStorageSerializer>();

    public BinaryData Serialize<T>(T? input)
    {
        var body = _binary.Serialize(input).ToMemory().Span;
        var bytes = new byte[Marker.Length + body.Length];
        Marker.CopyTo(bytes, 0);
        body.CopyTo(bytes.AsSpan(Marker.Length));
        return new BinaryData(bytes);
    }

    public T? Deserialize<T>(BinaryData input)
    {
        var memory = input.ToMemory();
        return memory.Span.StartsWith(Marker)
            ? _binary.Deserialize<T>(new BinaryData(memory[Marker.Length..]))
            : _legacyJson.Deserialize<T>(input);
    }
}
