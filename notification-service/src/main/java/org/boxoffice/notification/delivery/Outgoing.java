package org.boxoffice.notification.delivery;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.boxoffice.notification.message.MessageKind;
import org.boxoffice.notification.message.MessageLocales;
import org.boxoffice.notification.preference.Preference;
import org.boxoffice.notification.preference.Preferences;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Plans messages: writes the deliveries a message needs (email always, SMS and WhatsApp for buyers who opted in and
 * when that channel has a provider) in the caller's transaction. Nothing is sent here: the {@link Dispatcher} sends
 * after commit, so an event's handler never waits on SMTP and a rolled-back event plans nothing.
 */
@Component
public class Outgoing {

    private final Deliveries deliveries;
    private final Preferences preferences;
    private final Set<Channel> phoneChannels;
    private final Clock clock;

    Outgoing(Deliveries deliveries, Preferences preferences, List<ChannelSender> senders, Clock clock) {
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.phoneChannels = senders.stream().map(ChannelSender::channel).filter(c -> c != Channel.EMAIL)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
        this.clock = clock;
    }

    /** A transactional message to one buyer, caused by {@code sourceId} (the event id). */
    public void toBuyer(UUID sourceId, MessageKind kind, UUID buyerId, @Nullable String email, String payload) {
        Preference preference = preferences.find(buyerId).orElse(Preference.defaults(buyerId, MessageLocales.DEFAULT));
        Locale locale = preference.locale();
        var now = clock.instant();
        deliveries.plan(sourceId, Channel.EMAIL, buyerId, kind, Lane.TRANSACTIONAL, email, locale, payload, now);
        if (preference.smsOptIn() && phoneChannels.contains(Channel.SMS)) {
            deliveries.plan(sourceId, Channel.SMS, buyerId, kind, Lane.TRANSACTIONAL, preference.phone(), locale, payload, now);
        }
        if (preference.whatsappOptIn() && phoneChannels.contains(Channel.WHATSAPP)) {
            deliveries.plan(sourceId, Channel.WHATSAPP, buyerId, kind, Lane.TRANSACTIONAL, preference.phone(), locale,
                    payload, now);
        }
    }

    /**
     * A message to every buyer holding tickets to the event.
     *
     * @return how many buyers it goes to
     */
    public int toHolders(UUID sourceId, MessageKind kind, Lane lane, UUID eventId, String payload) {
        return deliveries.planForHolders(sourceId, eventId, kind, lane, payload,
                MessageLocales.DEFAULT.toLanguageTag(), List.copyOf(phoneChannels), clock.instant());
    }
}
