package io.gatehouse.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gatehouse} entry point. Exit codes: 0 success, 1 a request was denied (or a check
 * failed), 2 bad input or usage.
 */
@Command(
    name = "gatehouse",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "The Kubernetes security layer, with upstream-exact semantics.",
    subcommands = {
      AdmitCommand.class,
      AuthCommand.class,
      WebhookCommand.class,
      CelCommand.class,
      ServerCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Gatehouse implements Runnable {

  /** Exit code: everything admitted / succeeded. */
  public static final int OK = 0;

  /** Exit code: at least one request denied. */
  public static final int DENIED = 1;

  /** Exit code: bad input or usage. */
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Gatehouse());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> BAD_INPUT);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("error: " + ex.getMessage());
          ex.getCommandLine()
              .getErr()
              .println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help' for usage.");
          return BAD_INPUT;
        });
    cli.setExecutionExceptionHandler(
        (ex, c, parseResult) -> {
          if (ex instanceof UsageException u) {
            c.getErr().println("error: " + u.getMessage());
            return BAD_INPUT;
          }
          c.getErr().println("error: " + ex);
          if (System.getenv("GATEHOUSE_DEBUG") != null) {
            ex.printStackTrace(c.getErr());
          }
          return BAD_INPUT;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
