package org.boxoffice.notification.message;

import org.jspecify.annotations.Nullable;

/**
 * Something a message must carry (the order's invoice, from booking-service) cannot be had now: the message is not
 * sent without it, and waits for it ({@code Delivery.awaitAttachment}). Not the message's fault and not the
 * provider's, so it spends no attempt and never fails the delivery.
 */
public class AttachmentUnavailable extends RuntimeException {

    public AttachmentUnavailable(String reason, @Nullable Throwable cause) {
        super(reason, cause);
    }
}
