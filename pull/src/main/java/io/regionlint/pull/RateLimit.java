package io.regionlint.pull;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * At most so many requests a second, retries included (the SDK calls {@code beforeTransmission}
 * for every attempt): Config's and CloudFormation's per-account rate limits are shared with
 * everything else the account runs, so a pull should stay well under them rather than lean on
 * throttling and retries.
 */
final class RateLimit implements ExecutionInterceptor {

    private final long intervalNanos;
    private long next;

    RateLimit(double requestsPerSecond) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("the request rate must be positive: " + requestsPerSecond);
        }
        this.intervalNanos = (long) (1_000_000_000L / requestsPerSecond);
        this.next = System.nanoTime();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, next);
            next = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
