package org.boxoffice.notification.delivery;

/**
 * A channel could not deliver. {@link #permanent()} failures (an address the provider refuses, a message it rejects)
 * end the delivery as FAILED at once and do not count against the provider's circuit breaker; the others (provider
 * down, 5xx, timeout) are retried with backoff.
 */
public class DeliveryFailure extends RuntimeException {

    private final boolean permanent;

    private DeliveryFailure(String reason, boolean permanent, Throwable cause) {
        super(reason, cause, false, false);
        this.permanent = permanent;
    }

    public static DeliveryFailure permanent(String reason) {
        return new DeliveryFailure(reason, true, null);
    }

    public static DeliveryFailure permanent(String reason, Throwable cause) {
        return new DeliveryFailure(reason, true, cause);
    }

    public static DeliveryFailure transientFailure(String reason) {
        return new DeliveryFailure(reason, false, null);
    }

    public static DeliveryFailure transientFailure(String reason, Throwable cause) {
        return new DeliveryFailure(reason, false, cause);
    }

    public boolean permanent() {
        return permanent;
    }
}
