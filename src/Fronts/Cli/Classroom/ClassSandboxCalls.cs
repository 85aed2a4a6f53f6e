using Amazon.Runtime;
using LabRunner.Content.Text;
using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Cli.Classroom;

/// <summary>LabRunner's class actions against a class sandbox, with each refusal turned into a message a person can act on.</summary>
public static class ClassSandboxCalls
{
    /// <summary>Adds learners with the instructor's key; each comes back with a join code.</summary>
    /// <exception cref="CliFailure">A name is taken or refused (exit 2), or the sandbox cannot be used (exit 3).</exception>
    public static Task<IReadOnlyList<LearnerInvitation>> AddLearnersAsync(StoredTarget instructor, IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        AsInstructorAsync(instructor, client => client.AddLearnersAsync(names, cancellationToken), cancellationToken);

    /// <summary>A new join code for <paramref name="learner"/> (the old one stops joining); <paramref name="newKey"/> also retires their key.</summary>
    /// <exception cref="CliFailure">The class has no such learner (exit 2), or the sandbox cannot be used (exit 3).</exception>
    public static Task<LearnerInvitation> ReissueCodeAsync(StoredTarget instructor, string learner, bool newKey, CancellationToken cancellationToken) =>
        AsInstructorAsync(instructor, client => client.ReissueCodeAsync(learner, newKey, cancellationToken), cancellationToken);

    private static async Task<T> AsInstructorAsync<T>(StoredTarget instructor, Func<RdsQueryClient, Task<T>> call, CancellationToken cancellationToken)
    {
        using var client = await ClientAsync(instructor.Endpoint, instructor.Region, new BasicAWSCredentials(instructor.AccessKeyId, instructor.SecretAccessKey), cancellationToken);
        try
        {
            return await call(client);
        }
        catch (RdsException problem)
        {
            throw problem.ErrorCode switch
            {
                "LearnerAlreadyExists" or "LearnerNotFound" or "InvalidParameterValue" or "MissingParameter" => CliFailure.Usage(VisibleText.Of(problem.Message)),
                "InvalidClientTokenId" or "SignatureDoesNotMatch" or "AccessDenied" => CliFailure.Target(VisibleText.Of($"the sandbox at {instructor.Endpoint} refused the instructor key of class '{instructor.ClassName}' ({problem.Message}): is it the class's sandbox, started with --class?")),
                _ => Unreachable(instructor.Endpoint, problem),
            };
        }
    }

    /// <summary>Redeems <paramref name="code"/>; the clock sent lets the sandbox refuse one its signatures would not accept.</summary>
    /// <returns>The learner joined, and the identity of the sandbox that answered.</returns>
    /// <exception cref="CliFailure">The code is unknown, used or expired (exit 2), or the clock or the sandbox is wrong (exit 3).</exception>
    public static async Task<(JoinedLearner Learner, string? SandboxId)> JoinAsync(Uri endpoint, string code, CancellationToken cancellationToken)
    {
        using var client = await UnsignedClientAsync(endpoint, cancellationToken);
        try
        {
            return (await client.JoinAsync(code, DateTimeOffset.UtcNow, cancellationToken), client.Stats.SandboxId);
        }
        catch (RdsException problem)
        {
            throw problem.ErrorCode switch
            {
                "JoinCodeNotFound" or "JoinCodeUsed" or "JoinCodeExpired" or "MissingParameter" or "InvalidParameterValue" => CliFailure.Usage(VisibleText.Of($"code {code}: {problem.Message}")),
                "RequestTimeTooSkewed" => CliFailure.Target(VisibleText.Of(problem.Message)),
                "InvalidAction" => CliFailure.Target(VisibleText.Of($"{endpoint} is not a class sandbox ({problem.Message})")),
                _ => Unreachable(endpoint, problem),
            };
        }
    }

    /// <summary>The identity the LabRunner sandbox at <paramref name="endpoint"/> answers with (any answer carries it, a refusal too).</summary>
    /// <exception cref="CliFailure">Nothing answers there, or what answers is not a LabRunner sandbox (exit 3).</exception>
    public static async Task<string> SandboxIdAtAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var client = await UnsignedClientAsync(endpoint, cancellationToken);
        try
        {
            await client.DescribeDBClustersAsync(new DescribeDBClustersRequest { Filters = [new("db-cluster-id", ["labrunner-identity-probe"])], MaxRecords = 20 }, cancellationToken);
        }
        catch (RdsException problem) when (client.Stats.SandboxId is null)
        {
            throw Unreachable(endpoint, problem);
        }
        catch (RdsException)
        {
            // Refused (the probe is not signed with a class key), but the answer names the sandbox.
        }
        return client.Stats.SandboxId ?? throw CliFailure.Target($"{endpoint} answers, but not as a LabRunner class sandbox: check the address your instructor gave");
    }

    // Neither call is signed with a class key (a code is its own credential; an identity is no secret): the client
    // signs with a placeholder the sandbox ignores or refuses.
    private static Task<RdsQueryClient> UnsignedClientAsync(Uri endpoint, CancellationToken cancellationToken) =>
        ClientAsync(endpoint, null, new BasicAWSCredentials("labrunner-join", "unsigned"), cancellationToken);

    private static CliFailure Unreachable(Uri endpoint, RdsException problem) =>
        CliFailure.Target(VisibleText.Of($"cannot use the class sandbox at {endpoint}: {problem.Message}. Check the address, and that this computer is on the class's network."));

    /// <summary>One short attempt: a person is waiting, and a wrong address should say so within seconds.</summary>
    private static Task<RdsQueryClient> ClientAsync(Uri endpoint, string? region, AWSCredentials credentials, CancellationToken cancellationToken) =>
        RdsClientFactory.CreateAsync(new RdsClientOptions
        {
            Endpoint = endpoint,
            Region = region ?? "us-east-1",
            Credentials = credentials,
            MaxAttempts = 1, // neither call may be repeated blindly: a code joins once, a name is added once
            AttemptTimeout = TimeSpan.FromSeconds(10),
            CallTimeout = TimeSpan.FromSeconds(30),
        }, cancellationToken);
}
