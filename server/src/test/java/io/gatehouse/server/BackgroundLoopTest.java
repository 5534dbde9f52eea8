package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundLoopTest {

  @Test
  void stop_sleepingBody_interruptedAndSeesStopped() throws Exception {
    BackgroundLoop loop = new BackgroundLoop("test-loop");
    CountDownLatch sleeping = new CountDownLatch(1);
    CountDownLatch ended = new CountDownLatch(1);
    boolean[] sawStop = {false};
    loop.start(() -> {
      try {
        sleeping.countDown();
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        sawStop[0] = loop.stopped();
      }
      ended.countDown();
    });
    assertThat(sleeping.await(10, TimeUnit.SECONDS)).isTrue();

    loop.stop();

    assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(sawStop[0]).isTrue();
  }

  @Test
  void start_twice_rejected() {
    BackgroundLoop loop = new BackgroundLoop("test-loop");
    loop.start(() -> { });

    assertThatThrownBy(() -> loop.start(() -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("test-loop already started");
  }

  @Test
  void stop_neverStarted_onlySetsFlag() {
    BackgroundLoop loop = new BackgroundLoop("test-loop");

    loop.stop();
    loop.stop();

    assertThat(loop.stopped()).isTrue();
  }
}
