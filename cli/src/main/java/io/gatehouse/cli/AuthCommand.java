package io.gatehouse.cli;

import picocli.CommandLine.Command;

/** {@code gatehouse auth}: offline authorization questions. */
@Command(
    name = "auth",
    mixinStandardHelpOptions = true,
    description = "Ask the authorizer chain offline: can-i and who-can.",
    subcommands = {CanICommand.class, WhoCanCommand.class})
final class AuthCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
