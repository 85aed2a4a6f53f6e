using Amazon.Runtime;
using LabRunner.Content.Text;
using LabRunner.Rds;

namespace LabRunner.Cli.Classroom;

/// <summary>LabRunner's class actions against a class sandbox, with each refusal turned into a message a person can act on.</summary>
public static class ClassSandboxCalls
{
    /// <summary>Adds learners with the instructor's key; each comes back with a join code.</summary>
    /// <exception cref="CliFailure">A name is taken or refused (exit 2), or the sandbox cannot be used (exit 3).</exception>
    public static async Task<IReadOnlyList<LearnerInvitation>> AddLearnersAsync(StoredTarget instructor, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        using var client = await ClientAsync(instructor.Endpoint, instructor.Region, new BasicAWSCredentials(instructor.AccessKeyId, instructor.SecretAccessKey), cancellationToken);
        try
        {
            return await client.AddLearnersAsync(names, cancellationToken);
        }
        catch (RdsException problem)
        {
            throw problem.ErrorCode switch
            {
                "LearnerAlreadyExists" or "InvalidParameterValue" or "MissingParameter" => CliFailure.Usage(VisibleText.Of(problem.Message)),
                "InvalidClientTokenId" or "SignatureDoesNotMatch" or "AccessDenied" => CliFailure.Target(VisibleText.Of($"the sandbox at {instructor.Endpoint} refused the instructor key of class '{instructor.ClassName}' ({problem.Message}): is it the class's sandbox, started with --class?")),
                _ => Unreachable(instructor.Endpoint, problem),
            };
        }
    }

    /// <summary>Redeems <paramref name="code"/>; the clock sent lets the sandbox refuse one its signatures would not accept.</summary>
    /// <exception cref="CliFailure">The code is unknown, used or expired (exit 2), or the clock or the sandbox is wrong (exit 3).</exception>
    public static async Task<JoinedLearner> JoinAsync(Uri endpoint, string code, CancellationToken cancellationToken)
    {
        // The join is not signed (the code is the credential): the client signs with a placeholder the sandbox ignores.
        using var client = await ClientAsync(endpoint, null, new BasicAWSCredentials("labrunner-join", "unsigned"), cancellationToken);
        try
        {
            return await client.JoinAsync(code, DateTimeOffset.UtcNow, cancellationToken);
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
