package org.boxoffice.user.system;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets at most {@link UserProperties.Hashing#permits()} password hashes (encode or verify) run at once; a caller
 * that finds no free slot within {@link UserProperties.Hashing#maxWait()} gets {@link PasswordHashingBusy}. The
 * hashing itself (algorithm, cost) is the delegate's, unchanged.
 *
 * <p>bcrypt is CPU work of tens of milliseconds. Unbounded, a surge of logins runs all of them at once on a few cores:
 * each takes as long as all of them together, every one ends past the gateway's timeout, and the platform answers 503
 * to everyone. Bounded, the hashes that run finish at full speed and the rest are told when to come back.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore slots;
    private final UserProperties.Hashing limits;

    BoundedPasswordEncoder(PasswordEncoder delegate, UserProperties.Hashing limits) {
        this.delegate = delegate;
        this.limits = limits;
        this.slots = new Semaphore(limits.permits(), true);
    }

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        acquire();
        try {
            return delegate.encode(rawPassword);
        } finally {
            slots.release();
        }
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        acquire();
        try {
            return delegate.matches(rawPassword, encodedPassword);
        } finally {
            slots.release();
        }
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
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
