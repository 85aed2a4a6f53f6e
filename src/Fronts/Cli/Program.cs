using LabRunner.Cli;

return await CliApp.RunAsync(args);
