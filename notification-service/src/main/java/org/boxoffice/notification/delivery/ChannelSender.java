package org.boxoffice.notification.delivery;

import org.boxoffice.notification.message.RenderedMessage;

/** Sends a rendered message on one channel. Declared as beans; a channel without a sender gets no deliveries. */
public interface ChannelSender {

    Channel channel();

    /**
     * Sends the message, or throws a {@link DeliveryFailure} saying why not.
     *
     * @return the provider's id for the message (SMTP Message-ID, provider message sid)
     */
    String send(String recipient, RenderedMessage message);
}
