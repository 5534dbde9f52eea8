package io.gatehouse.bench;

import io.gatehouse.cli.Gatehouse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code gatehouse admit} in-process on the scale workload of {@link AdmitWorkload} (10,000
 * manifests × 60 policies, JSON output discarded): reading, compiling and admitting everything,
 * one shot per iteration, with a 1 GiB heap. The JVM start is not included; {@code
 * scripts/bench-admit.sh} measures the real command with it. Target: under 10 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class AdmitScaleBenchmark {

  private Path dir;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    dir = Files.createTempDirectory("gatehouse-admit-scale");
    AdmitWorkload.main(new String[] {dir.toString(), "10000"});
  }

  /** One complete admit run. */
  @Benchmark
  public int admit10000Manifests60Policies() {
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
    int code = Gatehouse.run(
        new String[] {"admit", "--policy", dir.resolve("policies.yaml").toString(), "--cluster",
            dir.resolve("cluster.yaml").toString(), "--resource",
            dir.resolve("resources.yaml").toString(), "-o", "json"},
        sink, sink);
    if (code == 2) {
      throw new IllegalStateException("admit reported bad input");
    }
    return code;
  }
}
