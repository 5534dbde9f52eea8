package io.gatehouse.cli;

import picocli.CommandLine.Command;

/** {@code gatehouse cel}: the CEL sub-commands. */
@Command(
    name = "cel",
    mixinStandardHelpOptions = true,
    description = "Evaluate CEL expressions in the Kubernetes CEL environment.",
    subcommands = {CelEvalCommand.class})
final class CelCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
