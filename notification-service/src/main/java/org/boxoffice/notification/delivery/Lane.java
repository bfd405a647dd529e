package org.boxoffice.notification.delivery;

/**
 * The queue a delivery waits in. Each lane has its own worker, so an announcement to fifty thousand holders
 * ({@link #BULK}) never delays the tickets of a buyer who just paid ({@link #TRANSACTIONAL}).
 */
public enum Lane {
    TRANSACTIONAL, BULK
}
