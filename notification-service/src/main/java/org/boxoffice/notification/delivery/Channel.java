package org.boxoffice.notification.delivery;

/** How a message reaches a buyer. Transactional messages always go by {@link #EMAIL}; the others only on opt-in. */
public enum Channel {
    EMAIL, SMS, WHATSAPP
}
