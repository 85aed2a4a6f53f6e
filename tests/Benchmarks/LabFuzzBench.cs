using System.Globalization;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Fuzzing;

namespace LabRunner.Benchmarks;

/// <summary>
/// <c>lab-fuzz [count] [seed]</c>: the long run of the lab fuzz test (default 20,000 variants of labs/aurora-backup,
/// seed 12); prints the report and every crash, hang and unlocated finding; exits 1 if there is any.
/// </summary>
public static class LabFuzzBench
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 12;
        var scratch = Directory.CreateTempSubdirectory("labrunner-fuzz-");
        try
        {
            var report = new LabFuzzer(Repository.PathOf("labs", "aurora-backup"), scratch.FullName).Run(count, seed);
            foreach (var problem in report.Crashes.Concat(report.Hangs.Select(hang => $"hang: {hang}")).Concat(report.Unlocated))
                Console.WriteLine(problem);
            Console.WriteLine(report);
            return report.Crashes.Count + report.Hangs.Count + report.Unlocated.Count == 0 ? 0 : 1;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
