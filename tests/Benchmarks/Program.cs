using BenchmarkDotNet.Running;
using LabRunner.Benchmarks;

if (args is ["class-refresh", .. var rest])
    return await ClassRefreshBench.RunAsync(rest);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
