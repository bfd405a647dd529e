package org.boxoffice.notification.phone;

/** A provider that delivers a short text to a phone (SMS or WhatsApp). */
public interface PhoneProvider {

    /**
     * Sends {@code text} to {@code phone} (E.164), or throws a
     * {@link org.boxoffice.notification.delivery.DeliveryFailure} saying why not.
     *
     * @return the provider's id for the message
     */
    String send(String phone, String text);
}
