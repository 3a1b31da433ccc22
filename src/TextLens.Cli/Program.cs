using TextLens.Cli;

return await CliApp.RunAsync(args, CliIO.FromConsole(), CancellationToken.None);
