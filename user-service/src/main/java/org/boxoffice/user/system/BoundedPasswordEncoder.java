package org.boxoffice.user.system;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets at most {@link UserProperties.Hashing#permits()} password hashes (encode or verify) run at once; a caller
 * that finds no free slot within {@link UserProperties.Hashing#maxWait()} gets {@link PasswordHashingBusy}. The
 * hashing itself (algorithm, cost) is the delegate's, unchanged.
 *
 * <p>bcrypt is CPU work of tens of milliseconds. Unbounded, a surge of logins runs all of them at once on a few cores:
 * each takes as long as all of them together, every one ends past the gateway's timeout, and the platform answers 503
 * to everyone. Bounded, the hashes that run finish at full speed and the rest are told when to come back.
 *
 * <p>The hashes run on platform threads of their own, not on the request's virtual thread: a virtual thread keeps
 * its carrier while it computes, and the carriers are as many as the cores, so hashing on them would stall every
 * other request of the service — including the quick {@code 429} answers — behind the hashes. The request's virtual
 * thread waits for the result without holding a carrier.
 */
final class BoundedPasswordEncoder implements PasswordEncoder, DisposableBean {

    private final PasswordEncoder delegate;
    private final Semaphore slots;
    private final ExecutorService hashers;
    private final UserProperties.Hashing limits;

    BoundedPasswordEncoder(PasswordEncoder delegate, UserProperties.Hashing limits) {
        this.delegate = delegate;
        this.limits = limits;
        this.slots = new Semaphore(limits.permits(), true);
        this.hashers = Executors.newFixedThreadPool(limits.permits(),
                Thread.ofPlatform().name("password-hashing-", 1).daemon(true).factory());
    }

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        return run(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        Boolean matches = run(() -> delegate.matches(rawPassword, encodedPassword));
        return matches != null && matches;
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    @Override
    public void destroy() {
        hashers.shutdownNow();
    }

    private <T> @Nullable T run(Callable<@Nullable T> hash) {
        acquire();
        try {
            // As many threads as slots: the task never queues.
            return hashers.submit(hash).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing a password", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            slots.release();
        }
    }

    private void acquire() {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(limits.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new PasswordHashingBusy(limits.retryAfter());
        }
    }
}
