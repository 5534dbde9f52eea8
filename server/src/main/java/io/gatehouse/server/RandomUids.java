package io.gatehouse.server;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Random (version 4) UUIDs for {@code metadata.uid}, as upstream's {@code uuid.NewUUID} makes
 * them: from a {@link SecureRandom} read 256 UUIDs' worth at a time. {@link UUID#randomUUID} reads
 * its generator for each UUID, and the default one behind it goes to {@code /dev/urandom} every
 * second call; this was about 1 % of a create's CPU. UIDs are not secrets (every response carries
 * them); they only need to be unique. Thread-safe.
 */
final class RandomUids {

  private static final int PER_READ = 256;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static final byte[] POOL = new byte[16 * PER_READ];
  private static int next = POOL.length; // guarded by LOCK

  private RandomUids() {}

  /** A new random UUID in its canonical text form. */
  static String next() {
    long msb = 0;
    long lsb = 0;
    LOCK.lock();
    try {
      if (next == POOL.length) {
        RANDOM.nextBytes(POOL);
        next = 0;
      }
      for (int i = 0; i < 8; i++) {
        msb = msb << 8 | (POOL[next + i] & 0xff);
        lsb = lsb << 8 | (POOL[next + 8 + i] & 0xff);
      }
      next += 16;
    } finally {
      LOCK.unlock();
    }
    msb = msb & ~0xF000L | 0x4000L; // version 4
    lsb = lsb & ~(0xC0L << 56) | 0x80L << 56; // IETF variant
    return new UUID(msb, lsb).toString();
  }
}
