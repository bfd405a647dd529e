package org.boxoffice.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.boxoffice.notification.message.MessageKind;
import org.boxoffice.notification.message.MessageLocales;
import org.boxoffice.notification.preference.Preference;
import org.boxoffice.notification.preference.Preferences;
import org.boxoffice.platform.flags.FlagContext;
import org.boxoffice.platform.flags.Flags;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Plans messages: writes the deliveries a message needs in the caller's transaction. Nothing is sent here: the
 * {@link Dispatcher} sends after commit, so an event's handler never waits on SMTP and a rolled-back event plans
 * nothing.
 *
 * <p>Whom a message may reach (docs/notifications.md): email goes to the address the buyer verified with user-service,
 * except a receipt for money taken or returned, which may go to the order's address before it is verified (the
 * tickets themselves then wait for verification: a receipt without them goes instead). SMS and WhatsApp go only to a
 * number the buyer confirmed with a code, and only when they opted in, the channel has a provider and its flag
 * ({@code notifications.sms}, {@code notifications.whatsapp}, docs/feature-flags.md) is on for the buyer. Every message
 * counts against the buyer's and the address's caps ({@link DeliveryCaps}); one over a cap is recorded SUPPRESSED.
 */
@Component
public class Outgoing {

    /** Whom a transactional message may reach. */
    public enum Reach {
        /** The buyer's verified email address and confirmed phone number only. */
        VERIFIED,
        /** A receipt for money taken or returned: also the order's email address before it is verified. */
        RECEIPT
    }

    private final DeliveryLog deliveries;
    private final Preferences preferences;
    private final Contacts contacts;
    private final VerifiedEmails verifiedEmails;
    private final DeliveryCaps caps;
    private final DeliveryMetrics metrics;
    private final Set<Channel> phoneChannels;
    private final Flags flags;
    private final Clock clock;

    Outgoing(DeliveryLog deliveries, Preferences preferences, Contacts contacts, VerifiedEmails verifiedEmails,
            DeliveryCaps caps, DeliveryMetrics metrics, List<ChannelSender> senders, Flags flags, Clock clock) {
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.contacts = contacts;
        this.verifiedEmails = verifiedEmails;
        this.caps = caps;
        this.metrics = metrics;
        this.phoneChannels = senders.stream().map(ChannelSender::channel).filter(c -> c != Channel.EMAIL)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
        this.flags = flags;
        this.clock = clock;
    }

    /** The phone channels that have a provider and whose flag is on platform-wide, SMS first. */
    public List<Channel> phoneChannels() {
        return phoneChannels.stream().filter(channel -> flags.isOn(flag(channel))).sorted().toList();
    }

    /** Whether the channel has a provider and its flag is on for the buyer. */
    public boolean phoneChannelOn(Channel channel, UUID buyerId) {
        return phoneChannels.contains(channel) && flags.isOn(flag(channel), FlagContext.account(buyerId));
    }

    static String flag(Channel channel) {
        return "notifications." + channel.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The tickets of a confirmed order: with the PDF to a verified address; to an address not verified yet, the
     * purchase receipt only (the tickets are in the buyer's account).
     */
    public void tickets(UUID sourceId, UUID buyerId, @Nullable String orderEmail, String payload) {
        boolean verified = verifiedEmails.find(buyerId).isPresent();
        plan(sourceId, verified ? MessageKind.TICKETS : MessageKind.RECEIPT, buyerId, orderEmail, payload,
                Reach.RECEIPT);
    }

    /** A transactional message to one buyer, caused by {@code sourceId} (the event id). */
    public void toBuyer(UUID sourceId, MessageKind kind, UUID buyerId, @Nullable String orderEmail, String payload,
            Reach reach) {
        plan(sourceId, kind, buyerId, orderEmail, payload, reach);
    }

    /**
     * A message to an address the buyer named for it (a transferred ticket's recipient), by email only, in the buyer's
     * locale and within the buyer's and the address's caps like any message.
     */
    public void toAddress(UUID sourceId, MessageKind kind, UUID buyerId, String address, String payload) {
        Locale locale = preferences.findById(buyerId).map(Preference::locale).orElse(MessageLocales.DEFAULT);
        planCapped(sourceId, Channel.EMAIL, buyerId, kind, address.trim().toLowerCase(Locale.ROOT), locale, payload,
                clock.instant());
    }

    /**
     * A verification code to the address being verified (by definition not verified yet), on one channel, within
     * the caps like any message.
     *
     * @return whether it was planned to be sent (false: over a cap, recorded SUPPRESSED)
     */
    public boolean verificationCode(UUID sourceId, Channel channel, UUID buyerId, String address, MessageKind kind,
            String payload) {
        Locale locale = preferences.findById(buyerId).map(Preference::locale).orElse(MessageLocales.DEFAULT);
        return planCapped(sourceId, channel, buyerId, kind, address, locale, payload, clock.instant());
    }

    /**
     * A message to every buyer holding tickets to the event, on their verified channels only.
     *
     * @return how many buyers it goes to by email
     */
    public int toHolders(UUID sourceId, MessageKind kind, Lane lane, UUID eventId, String payload) {
        return deliveries.planForHolders(sourceId, eventId, kind, lane, payload,
                MessageLocales.DEFAULT.toLanguageTag(), phoneChannels(), clock.instant());
    }

    private void plan(UUID sourceId, MessageKind kind, UUID buyerId, @Nullable String orderEmail, String payload,
            Reach reach) {
        Preference preference = preferences.findById(buyerId).orElse(Preference.defaults(buyerId, MessageLocales.DEFAULT));
        Locale locale = preference.locale();
        Instant now = clock.instant();
        Optional<String> verified = verifiedEmails.find(buyerId);
        String email = verified.orElse(null);
        if (email == null && reach == Reach.RECEIPT) {
            email = orderEmail != null && !orderEmail.isBlank() ? orderEmail.trim().toLowerCase(Locale.ROOT)
                    : contacts.email(buyerId).orElse(null);
        }
        if (email != null) {
            planCapped(sourceId, Channel.EMAIL, buyerId, kind, email, locale, payload, now);
        }
        if (preference.phone() != null && preference.phoneVerified()) {
            if (preference.smsOptIn() && phoneChannelOn(Channel.SMS, buyerId)) {
                planCapped(sourceId, Channel.SMS, buyerId, kind, preference.phone(), locale, payload, now);
            }
            if (preference.whatsappOptIn() && phoneChannelOn(Channel.WHATSAPP, buyerId)) {
                planCapped(sourceId, Channel.WHATSAPP, buyerId, kind, preference.phone(), locale, payload, now);
            }
        }
    }

    /**
     * Plans one delivery, SUPPRESSED if the buyer or the address already had their share on this channel. The buyer's
     * quota is locked before the address's, always in that order, so two plans never wait for each other in a circle.
     */
    private boolean planCapped(UUID sourceId, Channel channel, UUID buyerId, MessageKind kind, String recipient,
            Locale locale, String payload, Instant now) {
        deliveries.lockQuota("buyer:" + buyerId + ":" + channel);
        deliveries.lockQuota("recipient:" + recipient + ":" + channel);
        String over = null;
        int perBuyer = caps.perBuyerPerHour(channel);
        int perRecipient = caps.perRecipientPerDay(channel);
        if (deliveries.countToBuyer(buyerId, channel, now.minus(Duration.ofHours(1))) >= perBuyer) {
            over = "suppressed: buyer " + buyerId + " had " + perBuyer + " " + channel + " messages in the last hour";
        } else if (deliveries.countToRecipient(recipient, channel, now.minus(Duration.ofDays(1))) >= perRecipient) {
            over = "suppressed: " + recipient + " had " + perRecipient + " " + channel + " messages in the last day";
        }
        boolean planned = deliveries.plan(sourceId, channel, buyerId, kind, Lane.TRANSACTIONAL, recipient, locale,
                payload, over, now);
        if (planned && over != null) {
            metrics.record(channel, "suppressed");
        }
        return planned && over == null;
    }
}
