package io.gatehouse.cli;

import picocli.CommandLine.Command;

/** {@code gatehouse webhook}: Gatehouse's engines served as webhooks to a real kube-apiserver. */
@Command(
    name = "webhook",
    mixinStandardHelpOptions = true,
    description = "Serve Gatehouse's engines as webhooks to a real kube-apiserver.",
    subcommands = {AuthorizeWebhookCommand.class})
final class WebhookCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
