using System.CommandLine;

namespace LabRunner.Cli;

public static class GlobalOptions
{
    public static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = "Where progress, sandbox state and logs live (default: $LABRUNNER_DATA_DIR, else $XDG_DATA_HOME/labrunner, else ~/.local/share/labrunner).",
        Recursive = true,
    };
}
