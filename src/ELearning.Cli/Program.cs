using System.CommandLine;
using ELearning.Cli;

var root = new RootCommand("elearn: lint course content and manage the ELearning app.")
{
    LintCommand.Create(),
    UsersCommand.Create(),
    ReportCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
