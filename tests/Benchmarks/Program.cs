using BenchmarkDotNet.Running;
using LabRunner.Benchmarks;

return args switch
{
    ["tui", .. var rest] => TuiTimings.Run(rest),
    ["class-refresh", .. var rest] => await ClassRefreshBench.RunAsync(rest),
    ["ship", .. var rest] => await ShipBench.RunAsync(rest),
    ["serve-seed", .. var rest] => await ServeSeedBench.RunAsync(rest),
    ["lab-fuzz", .. var rest] => LabFuzzBench.Run(rest),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(TuiTimings).Assembly).Run(args);
    return 0;
}
