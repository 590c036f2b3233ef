using CreditGrid.Core.Grid;

namespace CreditGrid.Core.Tests.Identifiers;

/// <summary>The search `ref` (docs/search.md): 128 random bits in base64url, never twice, from every thread.</summary>
public class SubjectHandleTests
{
    [Fact]
    public void Handles_from_many_threads_are_22_base64url_characters_and_never_repeat()
    {
        var handles = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, _ => { for (var i = 0; i < 2_000; i++) handles.Add(SubjectHandle.New()); }); // past several 4 KiB refills per thread
        Assert.Equal(16_000, handles.Count);
        Assert.Equal(16_000, handles.Distinct(StringComparer.Ordinal).Count());
        Assert.All(handles, h => Assert.True(SubjectHandle.IsHandle(h), h));
    }

    [Fact]
    public void Every_bit_of_the_handle_varies()
    {
        // 2,000 handles decoded: each of the 128 bits is set in some and clear in others (a stuck byte would show).
        var set = new int[128];
        for (var n = 0; n < 2_000; n++)
        {
            var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(SubjectHandle.New());
            Assert.Equal(16, bytes.Length);
            for (var bit = 0; bit < 128; bit++) if ((bytes[bit / 8] & (1 << (bit % 8))) != 0) set[bit]++;
        }
        Assert.All(set, count => Assert.InRange(count, 800, 1_200));
    }
}
