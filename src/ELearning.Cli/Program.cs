using System.CommandLine;
using ELearning.Cli;

var root = new RootCommand(
    "elearn: check course content and manage the ELearning app's accounts and data. " +
    "Commands that touch data use ./data (Storage:DataDirectory, the Storage__DataDirectory variable or --data-dir). " +
    "Run `elearn <command> --help` for each command's options.")
{
    LintCommand.Create(),
    UsersCommand.Create(),
    CertificatesCommand.Create(),
    BackupCommand.Create(),
    CohortsCommand.Create(),
    ReportCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
