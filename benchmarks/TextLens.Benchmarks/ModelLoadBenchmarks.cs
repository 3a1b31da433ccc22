using BenchmarkDotNet.Attributes;

namespace TextLens.Benchmarks;

/// <summary>
/// Model load and construction times. <see cref="CreateEnglish"/> measures building the standard pipeline;
/// models are lazy statics, so after the first call it measures construction with models already loaded
/// (the in-process quick job shares one process). Stage-specific benchmarks that deserialize a model from its
/// embedded file on every call (bypassing the cache) belong here too, named <c>Load&lt;Stage&gt;Model</c>.
/// </summary>
[MemoryDiagnoser]
public class ModelLoadBenchmarks
{
    /// <summary>Constructs <c>Pipeline.CreateEnglish()</c>.</summary>
    [Benchmark]
    public Pipeline CreateEnglish() => Pipeline.CreateEnglish();
}
