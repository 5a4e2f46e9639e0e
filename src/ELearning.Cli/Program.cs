using System.CommandLine;
using ELearning.Cli;

var root = new RootCommand("elearn: lint course content and manage the ELearning app.")
{
    LintCommand.Create(),
    UsersCommand.Create(),
    // Temporary parent until CertificatesCommand (list|revoke|reissue|verify <code>) is merged and adopts this subcommand.
    new Command("certificates", "Certificates and their signed credentials.") { CertificateFileVerifyCommand.Create() },
};
return await root.Parse(args).InvokeAsync();
