using System.Runtime.InteropServices;

namespace TextLens.Benchmarks;

/// <summary>
/// Valgrind client requests from managed code: the request is a magic no-op instruction sequence that valgrind
/// recognises (valgrind.h, amd64), placed in a small executable page. Outside valgrind it does nothing and
/// returns the default, so the workload also runs natively.
/// </summary>
internal static unsafe class Valgrind
{
    private const ulong RunningOnValgrind = 0x1001;
    private const ulong CallgrindBase = 0x43540000; // VG_USERREQ_TOOL_BASE('C','T')
    private const ulong DumpStatsAt = CallgrindBase + 3, ZeroStats = CallgrindBase + 1, StartInstrumentationRequest = CallgrindBase + 4;

    // ulong request(ulong* args /* rdi */, ulong @default /* rsi */):
    //   mov rax, rdi; mov rdx, rsi; rol rdi,3; rol rdi,13; rol rdi,61; rol rdi,51; xchg rbx,rbx; mov rax, rdx; ret
    private static readonly byte[] Code =
    [
        0x48, 0x89, 0xF8, 0x48, 0x89, 0xF2,
        0x48, 0xC1, 0xC7, 0x03, 0x48, 0xC1, 0xC7, 0x0D, 0x48, 0xC1, 0xC7, 0x3D, 0x48, 0xC1, 0xC7, 0x33,
        0x48, 0x87, 0xDB, 0x48, 0x89, 0xD0, 0xC3,
    ];

    private static readonly delegate* unmanaged<ulong*, ulong, ulong> Request = Create();

    [DllImport("libc", SetLastError = true)]
    private static extern nint mmap(nint addr, nuint length, int prot, int flags, int fd, nint offset);

    private static delegate* unmanaged<ulong*, ulong, ulong> Create()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return null;
        nint page = mmap(0, 4096, 7 /* read, write, execute */, 0x22 /* private, anonymous */, -1, 0);
        if (page == -1) return null;
        Marshal.Copy(Code, 0, page, Code.Length);
        return (delegate* unmanaged<ulong*, ulong, ulong>)page;
    }

    private static ulong Do(ulong request, ulong a1 = 0)
    {
        if (Request == null) return 0;
        ulong* args = stackalloc ulong[6];
        args[0] = request;
        args[1] = a1;
        args[2] = args[3] = args[4] = args[5] = 0;
        return Request(args, 0);
    }

    /// <summary>True under valgrind.</summary>
    public static bool IsRunning => Do(RunningOnValgrind) != 0;

    /// <summary>Callgrind: start instrumenting (with <c>--instr-atstart=no</c>, everything before runs uninstrumented and fast).</summary>
    public static void StartInstrumentation() => Do(StartInstrumentationRequest);

    /// <summary>Callgrind: zero the counters.</summary>
    public static void Zero() => Do(ZeroStats);

    /// <summary>Callgrind: write the counters since the last zero or dump to a new file, described by <paramref name="reason"/>, and zero them.</summary>
    public static void Dump(string reason)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(reason + "\0");
        fixed (byte* p = bytes) Do(DumpStatsAt, (ulong)p);
    }
}
