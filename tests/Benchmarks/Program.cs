using BenchmarkDotNet.Running;
using LabRunner.Benchmarks;

return args.FirstOrDefault() == "tui"
    ? TuiTimings.Run(args[1..])
    : RunBenchmarks(args);

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(TuiTimings).Assembly).Run(args);
    return 0;
}
