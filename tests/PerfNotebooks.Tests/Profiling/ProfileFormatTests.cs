using PerfNotebooks.Profiling;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>Importing recorded profiles (Samples/: a Go pprof, a node --cpu-prof file, perf script of a C program) and exporting pprof.</summary>
public class ProfileFormatTests
{
    private static string Sample(string name) => Path.Combine(RepoPaths.Root, "tests", "PerfNotebooks.Tests", "Profiling", "Samples", name);

    [Fact]
    public void A_Go_pprof_names_the_programs_function_not_the_runtime_frame_under_it()
    {
        var profile = Profiler.Import(Sample("go-primes.pb.gz"));

        Assert.Equal(ProfiledRuntime.Go, profile.Runtime);
        Assert.Equal("import:pprof", profile.Source);
        Assert.Equal(21, profile.Samples);
        Assert.Equal("main.isPrime", profile.Hotspot?.Name);

        // Go's preemption handler holds more self samples than the app's function, and is still not the hotspot.
        Assert.True(profile.Methods[0].Name == "runtime.asyncPreempt" && profile.Methods[0].SelfSamples > 8, profile.ToTable());
    }

    [Fact]
    public void A_V8_cpuprofile_names_the_js_function_and_counts_idle_ticks_as_waiting()
    {
        var profile = Profiler.Import(Sample("node-primes.cpuprofile"));

        Assert.Equal(ProfiledRuntime.Node, profile.Runtime);
        Assert.Equal(191, profile.Samples);
        Assert.Equal(2, profile.WaitingSamples);
        Assert.Equal("countPrimes (primes.js:12)", profile.Hotspot?.Name);
        Assert.Equal(1.71, profile.DurationSeconds, 2);
    }

    [Fact]
    public void Perf_script_output_names_the_c_function_and_tags_library_frames()
    {
        var profile = Profiler.Import(Sample("c-primes.perf-script.txt"));

        Assert.Equal(ProfiledRuntime.Native, profile.Runtime);
        Assert.Equal(22, profile.Samples);
        Assert.Equal("is_prime", profile.Hotspot?.Name);
        Assert.Equal(["__libc_start_call_main [libc.so.6]", "main", "count_primes", "is_prime"], profile.HotPath.Take(4));
        Assert.Equal("asm_sysvec_apic_timer_interrupt [kernel.kallsyms]", profile.HotPath[4]);
    }

    [Fact]
    public void Perf_script_frames_in_dotnets_double_mapped_code_are_jit_frames_not_the_app()
    {
        var file = WriteTemp("dotnet  7401/7401   3153.408880: \n\t          114b93 [unknown] (/memfd:doublemapper (deleted))\n\t          1c95c6 coreclr_execute_assembly (/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so)\n\n");

        var profile = Profiler.Import(file);

        Assert.Equal(["coreclr_execute_assembly [libcoreclr.so]", "[jit]"], profile.HotPath);
        Assert.Null(profile.Hotspot);
    }

    [Fact]
    public void Folded_stacks_keep_their_counts_as_self_and_total_samples()
    {
        var file = WriteTemp("main;work;spin 30\nmain;work 10\nmain;idle 5\n");

        var profile = Profiler.Import(file);

        Assert.Equal(45, profile.Samples);
        var work = profile.Methods.Single(m => m.Name == "work");
        Assert.Equal((10, 40), (work.SelfSamples, work.TotalSamples));
        Assert.Equal("spin", profile.Hotspot?.Name);
    }

    [Fact]
    public void A_pprof_export_reads_back_to_the_same_stacks()
    {
        var folded = "main;work;spin 30\nmain;work 10\nmain;idle;poll 5\n";
        var original = Profiler.Import(WriteTemp(folded));
        var pprof = Path.Combine(Path.GetTempPath(), $"perfnb-{Guid.NewGuid():N}.pb.gz");
        try
        {
            original.SavePprof(pprof);
            var back = Profiler.Import(pprof);

            Assert.Equal("import:pprof", back.Source);
            Assert.Equal(FoldedStacks.Format(original.Cpu), FoldedStacks.Format(back.Cpu));
        }
        finally
        {
            File.Delete(pprof);
        }
    }

    [Fact]
    public void A_file_that_is_no_profile_is_refused_naming_the_file_and_the_formats()
    {
        var file = WriteTemp("hello, this is a letter\nnot a profile\n");

        var e = Assert.Throws<BadInputException>(() => Profiler.Import(file));

        Assert.Contains(Path.GetFileName(file), e.Message, StringComparison.Ordinal);
        Assert.Contains("pprof", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused_naming_it()
    {
        var e = Assert.Throws<BadInputException>(() => Profiler.Import("/nonexistent/cpu.pb.gz"));

        Assert.Contains("/nonexistent/cpu.pb.gz", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_gzip_is_refused_as_an_unreadable_pprof()
    {
        var file = Path.Combine(Path.GetTempPath(), $"perfnb-{Guid.NewGuid():N}.pb.gz");
        File.WriteAllBytes(file, [0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]);

        var e = Assert.Throws<BadInputException>(() => Profiler.Import(file));

        Assert.Contains("not a readable pprof", e.Message, StringComparison.Ordinal);
    }

    private static string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"perfnb-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text);
        return path;
    }
}
