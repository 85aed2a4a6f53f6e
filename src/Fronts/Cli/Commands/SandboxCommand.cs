using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using LabRunner.Sandbox.Accounts;
using LabRunner.Cli.Classroom;
using LabRunner.Cli.Targets;
using LabRunner.Content.Model;
using LabRunner.Content.Text;
using LabRunner.Engine.Plans;
using LabRunner.Sandbox;
using LabRunner.Sandbox.Http;
using LabRunner.Sandbox.Operations;
using LabRunner.Sandbox.Seeding;
using LabRunner.Sandbox.Sharing;
using LabRunner.Sandbox.State;

namespace LabRunner.Cli.Commands;

/// <summary><c>labrunner sandbox serve</c>: the RDS sandbox as a standalone server, until Ctrl-C or SIGTERM.</summary>
public static class SandboxCommand
{
    /// <summary>
    /// Fixed, so learners' endpoints survive a restart: below every OS's ephemeral range (Linux 32768-60999, Windows and
    /// macOS 49152-65535), so no outgoing connection holds it, and no common database, AWS emulator or dev server uses it.
    /// </summary>
    public const int DefaultPort = 17363;

    private static readonly Option<int> Port = new("--port")
    {
        Description = $"Port to listen on (default {DefaultPort}); 0 picks a free one.",
        DefaultValueFactory = _ => DefaultPort,
        CustomParser = result => ParseInt(result, "--port", 0, 65535),
    };

    private static readonly Option<IPAddress> Bind = new("--bind")
    {
        HelpName = "ADDR",
        Description = "IP address to listen on (default 127.0.0.1); a LAN address or 0.0.0.0 serves a class, and needs --class (or --verify-signatures or --verify-signatures-file).",
        DefaultValueFactory = _ => IPAddress.Loopback,
        CustomParser = ParseAddress,
    };

    private static readonly Option<string?> StateFile = new("--state")
    {
        Description = "The sandbox's JSON state file (default: sandbox/state.json in the data directory).",
    };

    private static readonly Option<double> SnapshotSeconds = new("--snapshot-seconds")
    {
        Description = "How long a snapshot of a cluster of up to 100 GiB stays 'creating' (bigger clusters take longer).",
        DefaultValueFactory = _ => new SandboxOptions().SnapshotDuration.TotalSeconds,
        CustomParser = ParseSeconds,
    };

    private static readonly Option<FaultSpec> Faults = new("--faults")
    {
        Description = "Inject failures: throttle=RATE,error500=RATE,drop=RATE,latency=50ms,seed=N (rates 0 to 1).",
        DefaultValueFactory = _ => FaultSpec.None,
        CustomParser = ParseFaults,
    };

    /// <summary>A flag; it takes a string only to catch the KEYID:SECRET it once took, which a bool would leave as a stray argument.</summary>
    private static readonly Option<string?> VerifySignatures = new("--verify-signatures")
    {
        Description = $"A flag, no value: accept only requests SigV4-signed with the access key in ${SandboxCredentials.Variable} (KEYID:SECRET); by default any POST is accepted.",
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = RefuseSecretInArguments,
    };

    private static readonly Option<string?> VerifySignaturesFile = new("--verify-signatures-file")
    {
        HelpName = "FILE",
        Description = "Like --verify-signatures, with the access keys in FILE (KEYID:SECRET, one a line).",
    };

    private static readonly Option<string?> ClassName = new("--class")
    {
        HelpName = "NAME",
        Description = "Serve a class named NAME: each learner an account of their own with a key of their own, the instructor's key (stored for you) read-only; every request must be signed.",
        Validators = { ValidateClassName },
    };

    private static readonly Option<string?> LabToSeed = new("--lab")
    {
        Description = "Seed each of --learners (and, with --class, each learner added later) with this lab's sandbox fixtures (a lab folder or its lab.yaml).",
    };

    private static readonly Option<string[]> Learners = new("--learners")
    {
        Description = "Learners to seed, comma-separated (e.g. alice,bob): each is the value of the lab's name variable. With --class they join the class, each with a join line.",
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result => result.Tokens.SelectMany(token => token.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray(),
    };

    public static Command Build()
    {
        var serve = new Command("serve", "Run the RDS sandbox (on 127.0.0.1 unless --bind says otherwise) until Ctrl-C; prints 'listening on URL' once ready.")
        {
            Bind, Port, StateFile, SnapshotSeconds, Faults, VerifySignatures, VerifySignaturesFile, ClassName, LabToSeed, Learners,
        };
        serve.SetAction((parseResult, cancellationToken) => ServeAsync(parseResult, cancellationToken));
        return new Command("sandbox", "LabRunner's local RDS emulator.") { serve, SandboxEnvCommand.Build(), SandboxHostCommand.Build(), AddLearnersCommand.Create() };
    }

    private static async Task<int> ServeAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var dataDirectory = parseResult.GetValue(GlobalOptions.DataDir);
        var stateFile = parseResult.GetValue(StateFile) ?? Path.Combine(DataDirectory.Resolve(dataDirectory), "sandbox", "state.json");
        var className = parseResult.GetValue(ClassName);
        var learnerNames = parseResult.GetValue(Learners) ?? [];
        var lab = LabOf(parseResult.GetValue(LabToSeed), learnerNames.Length > 0 || className is not null);
        var seeds = className is null ? LearnerSeeds(lab, learnerNames) : [];
        var verificationKeys = VerificationKeys(parseResult.GetResult(VerifySignatures) is not null, parseResult.GetValue(VerifySignaturesFile));
        var bindAddress = parseResult.GetValue(Bind)!;
        var options = new SandboxOptions
        {
            BindAddress = bindAddress,
            Port = parseResult.GetValue(Port),
            StateFile = stateFile,
            SnapshotDuration = TimeSpan.FromSeconds(parseResult.GetValue(SnapshotSeconds)),
            Faults = parseResult.GetValue(Faults)!,
            VerifySignaturesWith = verificationKeys,
            ClassName = className,
            LearnerFixtures = lab is null ? null : name => SandboxTarget.SeedsOf(LearnerPlan(lab, name)),
            OnUnexpectedError = exception => ErrorLog.Write(exception, dataDirectory),
        };
        if (options.ListensBeyondLoopback && verificationKeys.Count == 0 && className is null)
            throw CliFailure.Usage($"--bind {bindAddress}: beyond loopback anyone on the network reaches the sandbox, so it needs --class NAME (a key for each learner), --verify-signatures (the key in ${SandboxCredentials.Variable}) or --verify-signatures-file FILE");
        var servesTheFolder = parseResult.GetValue(StateFile) is null && !options.ListensBeyondLoopback && verificationKeys.Count == 0 && className is null && options.Faults == FaultSpec.None;
        if (servesTheFolder && SharedSandbox.Executable is { } executable)
            return await ServeFolderSandboxAsync(parseResult, executable, DataDirectory.Resolve(dataDirectory), seeds, cancellationToken);
        SandboxHost host;
        try
        {
            host = await SandboxHost.StartAsync(options, cancellationToken);
        }
        catch (SandboxStateException exception)
        {
            error.WriteLine($"labrunner sandbox serve: {exception.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            error.WriteLine($"labrunner sandbox serve: --bind {options.BindAddress} --port {options.Port}: cannot listen there ({exception.Message})");
            return ExitCodes.Usage;
        }
        await using (host)
        {
            // One write for the whole class: seeding stays linear in the number of learners.
            host.Seed(seeds.SelectMany(SandboxTarget.SeedsOf));
            // Stored before it says it listens: whoever reads that line can run 'sandbox add-learners' at once.
            var instructor = className is null ? null : StoreInstructor(host, options, DataDirectory.Resolve(dataDirectory));
            output.WriteLine($"listening on {host.Uri.GetLeftPart(UriPartial.Authority)}");
            output.WriteLine($"sandbox id: {host.Identity} (learners' progress is kept against it, whatever the address)");
            output.WriteLine($"state: {Path.GetFullPath(stateFile)}; faults: {options.Faults}; signatures: {(verificationKeys.Count == 0 && className is null ? "not verified (presigned GETs may only read)" : $"verified, {(className is null ? $"{verificationKeys.Count} key(s)" : "the class's keys")}")}");
            if (instructor is not null)
                await OpenClassAsync(host, instructor, learnerNames, DataDirectory.Resolve(dataDirectory), output, cancellationToken);
            output.Flush();
            await UntilStoppedAsync(cancellationToken);
            output.WriteLine("stopping; the state is saved");
        }
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Serves the data folder's shared sandbox (the one every LabRunner process on the folder uses): starts it, or
    /// joins the one running and says so. On Ctrl-C it stops it, unless other processes still use it.
    /// </summary>
    private static async Task<int> ServeFolderSandboxAsync(ParseResult parseResult, string executable, string dataDirectory, IReadOnlyList<LabPlan> seeds, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            var seeder = new FixtureSeeder(SandboxServices.From(SandboxTarget.Options(dataDirectory)));
            seeder.Seed(Caller.Local, seeds.SelectMany(SandboxTarget.SeedsOf));
        }
        catch (SandboxStateException exception)
        {
            error.WriteLine($"labrunner sandbox serve: {exception.Message}");
            return ExitCodes.Usage;
        }
        var hostEnvironment = parseResult.GetResult(SnapshotSeconds) is { Implicit: false }
            ? new Dictionary<string, string> { [SandboxTarget.SnapshotSecondsVariable] = parseResult.GetValue(SnapshotSeconds).ToString(CultureInfo.InvariantCulture) }
            : new Dictionary<string, string>();
        using var shared = await SharedSandbox.JoinAsync(executable, dataDirectory, parseResult.GetValue(Port), hostEnvironment, cancellationToken);
        output.WriteLine($"listening on {shared.Uri.GetLeftPart(UriPartial.Authority)}");
        output.WriteLine(shared.StartedHere
            ? $"state: {new SandboxFolder(dataDirectory).StatePath}; every LabRunner process on this data folder uses this sandbox (process {shared.ProcessId})"
            : $"this data folder's sandbox was already running (process {shared.ProcessId}, with its own port and settings): serving it until Ctrl-C");
        output.Flush();
        await UntilStoppedAsync(cancellationToken);
        var others = await shared.StopUnlessUsedAsync();
        output.WriteLine(others == 0
            ? "stopping; the state is saved"
            : $"leaving the sandbox running: {others} other LabRunner process(es) on this data folder still use it");
        return ExitCodes.Ok;
    }

    private static IReadOnlyList<AccessKey> VerificationKeys(bool fromEnvironment, string? file) => (fromEnvironment, file) switch
    {
        (true, not null) => throw CliFailure.Usage("--verify-signatures and --verify-signatures-file: give one of them"),
        (_, not null) => SandboxCredentials.FromFile(file),
        (true, null) => [SandboxCredentials.FromEnvironment()],
        _ => [],
    };

    /// <summary>Stores the instructor's key as this user's current target, so 'class' and 'sandbox add-learners' need no flags.</summary>
    private static StoredTarget StoreInstructor(SandboxHost host, SandboxOptions options, string dataDirectory)
    {
        var roster = host.Class!;
        var reachedAt = options.BindAddress.Equals(IPAddress.Any) || options.BindAddress.Equals(IPAddress.IPv6Any)
            ? new Uri($"http://127.0.0.1:{host.Uri.Port}/")
            : host.Uri;
        var instructor = new StoredTarget(roster.Name, reachedAt, options.Region, roster.Instructor.AccessKeyId, roster.Instructor.SecretAccessKey, null);
        StoredTargets.Store(dataDirectory, instructor);
        return instructor;
    }

    /// <summary>Says how the class runs, and adds the learners named at start that it does not have yet, printing their join lines.</summary>
    private static async Task OpenClassAsync(SandboxHost host, StoredTarget instructor, string[] learnerNames, string dataDirectory, TextWriter output, CancellationToken cancellationToken)
    {
        var roster = host.Class!;
        output.WriteLine(VisibleText.Of($"class {roster.Name}: {roster.Learners.Count} learner(s); your instructor key (read-only) is stored in {StoredTargets.PathIn(dataDirectory)}: 'labrunner class LAB' and 'labrunner sandbox add-learners NAME...' use it"));
        if (!instructor.Endpoint.Equals(host.Uri))
            output.WriteLine($"join lines name {instructor.Endpoint.Authority}, which only this machine reaches: serve with --bind THIS-MACHINE'S-LAN-ADDRESS for lines learners can use");
        // A restart with the same command line keeps the learners it already added (and their codes).
        var newLearners = learnerNames.Except(roster.Learners.Select(learner => learner.Name), StringComparer.Ordinal).ToList();
        if (newLearners.Count > 0)
            AddLearnersCommand.WriteJoinLines(output, instructor.Endpoint, await ClassSandboxCalls.AddLearnersAsync(instructor, newLearners, cancellationToken));
    }

    /// <summary>The lab whose fixtures learners get, with its one name variable; null when none is given.</summary>
    private static Lab? LabOf(string? labPath, bool learnersNeedIt)
    {
        if (labPath is null)
            return null;
        var lab = LabInvocation.LoadLab(labPath);
        if (learnersNeedIt && lab.NameVariables.Count != 1)
            throw CliFailure.Usage($"--lab {labPath}: learners need exactly one variable marked rds-identifier to hold each name; this lab has {lab.NameVariables.Count}");
        return lab;
    }

    /// <summary>Each named learner's plan of the lab, all checked before the sandbox starts; none when nothing is to be seeded.</summary>
    private static IReadOnlyList<LabPlan> LearnerSeeds(Lab? lab, string[] learnerNames)
    {
        if (lab is null)
            return learnerNames.Length == 0 ? [] : throw CliFailure.Usage("--learners needs --lab: the lab whose fixtures each learner gets");
        var learners = new List<LabPlan>();
        foreach (var name in learnerNames)
        {
            try
            {
                learners.Add(LearnerPlan(lab, name));
            }
            catch (ArgumentException problem)
            {
                throw CliFailure.Usage($"--learners '{VisibleText.Of(name)}': {problem.Message}");
            }
        }
        return learners;
    }

    /// <summary>The lab bound to a learner's name in its one name variable.</summary>
    /// <exception cref="ArgumentException">The lab cannot take that name, saying why.</exception>
    private static LabPlan LearnerPlan(Lab lab, string name)
    {
        var binding = PlanBinding.Bind(lab, new Dictionary<string, string> { [lab.NameVariables[0].Name] = name });
        return binding.Plan ?? throw new ArgumentException(VisibleText.Of(binding.SpecProblem ?? string.Join("; ", binding.VariableProblems)));
    }

    private static void ValidateClassName(OptionResult result)
    {
        var text = result.Tokens.Single().Value;
        if (text.Trim().Length is 0 or > 64 || VisibleText.Of(text) != text)
            result.AddError($"--class '{VisibleText.Of(text)}': expected a class name of 1 to 64 printable characters, e.g. 'Aurora workshop'");
    }

    /// <summary>Waits for Ctrl-C or SIGTERM, taking them over so the sandbox stops cleanly and the command exits 0.</summary>
    private static async Task UntilStoppedAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static int ParseInt(ArgumentResult result, string flag, int min, int max)
    {
        var text = result.Tokens.Single().Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        result.AddError($"{flag} '{text}': expected a whole number from {min} to {max}");
        return 0;
    }

    private static IPAddress ParseAddress(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (IPAddress.TryParse(text, out var address) && (text.Contains(':') || text.Count(character => character == '.') == 3))
            return address;
        result.AddError($"--bind '{VisibleText.Of(text)}': expected an IP address of this machine, e.g. 127.0.0.1, a LAN address such as 192.168.1.20, or 0.0.0.0 for all of them");
        return IPAddress.Loopback;
    }

    private static double ParseSeconds(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= TimeSpan.FromDays(1).TotalSeconds)
            return seconds;
        result.AddError($"--snapshot-seconds '{text}': expected a number of seconds from 0 to 86400");
        return 0;
    }

    private static FaultSpec ParseFaults(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        try
        {
            return FaultSpec.Parse(text);
        }
        catch (FormatException exception)
        {
            result.AddError($"--faults '{text}': {exception.Message}");
            return FaultSpec.None;
        }
    }

    /// <summary>The secret once followed the flag; it is refused without being echoed, saying where it goes now.</summary>
    private static string? RefuseSecretInArguments(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
            return null;
        result.AddError($"--verify-signatures takes no value: a KEYID:SECRET on the command line shows in the process list. Set {SandboxCredentials.Variable}=KEYID:SECRET in the environment, or put it in a file and pass --verify-signatures-file FILE.");
        return null;
    }
}
