using LabRunner.Sandbox.Accounts;
using LabRunner.Sandbox.Http;
using LabRunner.Sandbox.Operations;
using LabRunner.Sandbox.Rules;
using LabRunner.Sandbox.Seeding;
using LabRunner.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LabRunner.Sandbox;

/// <summary>
/// A running sandbox: LabRunner's RDS emulator on Kestrel, bound to 127.0.0.1 unless <see cref="SandboxOptions.BindAddress"/> says otherwise. Start it with <see cref="StartAsync"/>,
/// point an RDS client at <see cref="Uri"/>, and dispose it to stop (its state is saved on every change, before the change is answered).
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FaultInjector faults;
    private readonly FixtureSeeder seeder;

    private SandboxHost(WebApplication app, Uri uri, SandboxState state, FaultInjector faults, FixtureSeeder seeder)
    {
        this.app = app;
        Uri = uri;
        State = state;
        this.faults = faults;
        this.seeder = seeder;
    }

    /// <summary>The endpoint, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Uri { get; }

    public SandboxState State { get; }

    /// <inheritdoc cref="SandboxState.Identity"/>
    public string Identity => State.Identity;

    /// <summary>The faults injected from now on; tests switch them on after setting things up.</summary>
    public FaultSpec Faults
    {
        get => faults.Spec;
        set => faults.Spec = value;
    }

    /// <summary>Loads the state file (if any) and starts listening.</summary>
    /// <exception cref="SandboxStateException">The state file exists but cannot be used.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The address is not this machine's.</exception>
    /// <exception cref="ArgumentException">The options would listen beyond loopback without verifying signatures.</exception>
    public static async Task<SandboxHost> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        if (options.ListensBeyondLoopback && options.VerifySignaturesWith.Count == 0 && options.ClassName is null)
            throw new ArgumentException($"The sandbox listens on {options.BindAddress}, beyond loopback, only when it verifies signatures: give it VerifySignaturesWith keys or a ClassName.", nameof(options));
        var state = new SandboxState(options.StateFile is null ? null : new StateFile(options.StateFile));
        if (options.ClassName is { } className)
            OpenClass(state, className);
        var services = new SandboxServices(state, options, new Naming(options.Region, options.AccountId), new Provisioning(options));
        var faults = new FaultInjector(options.Faults);
        var verifier = new SignatureVerifier(new Keyring(options.VerifySignaturesWith, state, options.ClassName is not null), options.Region, options.TimeProvider);
        var seeder = new FixtureSeeder(services);
        var endpoint = new QueryEndpoint(new ActionDispatcher(services, seeder), faults, verifier, options.TimeProvider, options.OnUnexpectedError);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.BindAddress, options.Port);
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        app.Use((context, next) =>
        {
            context.Response.Headers[SandboxIdentity.Header] = services.State.Identity;
            return next(context);
        });
        app.Run(endpoint.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SandboxHost(app, new Uri(address.TrimEnd('/') + "/"), state, faults, seeder);
    }

    /// <summary>The class served (its name and keys), or null for the single-learner sandbox.</summary>
    public ClassRoster? Class => State.ReadAccounts(accounts => accounts.Class);

    /// <summary>Creates a learner's fixtures in the default account (see <see cref="FixtureSeeder"/>); what already exists is kept.</summary>
    /// <exception cref="FixtureException">A fixture RDS would refuse, or of a kind the sandbox does not seed; its message starts with the fixture's origin.</exception>
    public SeedResult Seed(IEnumerable<SeedSpec> fixtures) => seeder.Seed(Caller.Local, fixtures);

    /// <summary>The class's roster from the state file, or a new one with a new instructor key; a class of another name keeps its keys and learners.</summary>
    private static void OpenClass(SandboxState state, string className) => state.WriteAccounts(accounts =>
        accounts.Class = accounts.Class is { } existing
            ? existing with { Name = className }
            : new ClassRoster { Name = className, Instructor = ClassSecrets.NewKey("LRKI") });

    /// <summary>Forgets every cluster, instance and snapshot of the default account (and saves that).</summary>
    public void Reset() => State.Write(resources =>
    {
        resources.Clusters.Clear();
        resources.Instances.Clear();
        resources.Snapshots.Clear();
        return resources;
    });

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>The sandbox runs inside other programs: it must not take over their Ctrl-C or SIGTERM, as the default console lifetime would.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
