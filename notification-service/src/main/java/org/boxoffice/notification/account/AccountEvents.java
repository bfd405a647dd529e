package org.boxoffice.notification.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.notification.delivery.Channel;
import org.boxoffice.notification.delivery.Contacts;
import org.boxoffice.notification.delivery.Outgoing;
import org.boxoffice.notification.delivery.VerifiedEmails;
import org.boxoffice.notification.message.MessageKind;
import org.boxoffice.notification.message.VerificationCode;
import org.boxoffice.platform.events.EventEnvelope;
import org.boxoffice.platform.events.EventHandler;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * user-service's events ({@code boxoffice.events.user-service}, v1, notification's own copies): a code to mail to an
 * address being verified, and the news that an account's address is verified — from then on tickets, notices and
 * announcements may go to it; and a notice to the owner when someone tried to register the address again. Runs in the
 * inbox transaction, so each happens once.
 */
@Component
class AccountEvents implements EventHandler {

    /**
     * An account asked to confirm its address: the code goes to that address, and nowhere else. The event carries the
     * verification's id; the code is derived from it when the mail is rendered.
     */
    record EmailVerificationRequested(UUID verificationId, UUID accountId, String email, Instant expiresAt,
            long minutes) {
    }

    /** The account's owner typed the code back: the address is theirs. */
    record EmailVerified(UUID accountId, String email, Instant verifiedAt) {
    }

    private final JsonMapper json;
    private final Outgoing outgoing;
    private final VerifiedEmails verifiedEmails;
    private final Contacts contacts;

    AccountEvents(JsonMapper json, Outgoing outgoing, VerifiedEmails verifiedEmails, Contacts contacts) {
        this.json = json;
        this.outgoing = outgoing;
        this.verifiedEmails = verifiedEmails;
        this.contacts = contacts;
    }

    @Override
    public String producer() {
        return "user-service";
    }

    @Override
    public Set<String> types() {
        return Set.of("EmailVerificationRequested", "EmailVerified", "RegistrationAttempted");
    }

    @Override
    public void handle(EventEnvelope event) {
        switch (event.type()) {
            case "EmailVerificationRequested" -> {
                EmailVerificationRequested requested = event.payloadAs(json, EmailVerificationRequested.class);
                outgoing.verificationCode(event.id(), Channel.EMAIL, requested.accountId(), requested.email(),
                        MessageKind.EMAIL_CODE, json.writeValueAsString(new VerificationCode(
                                requested.verificationId(), requested.email(), requested.expiresAt(),
                                requested.minutes())));
            }
            case "EmailVerified" -> {
                EmailVerified verified = event.payloadAs(json, EmailVerified.class);
                verifiedEmails.remember(verified.accountId(), verified.email(), verified.verifiedAt());
                contacts.remember(verified.accountId(), verified.email(), verified.verifiedAt());
            }
            case "RegistrationAttempted" -> {
                // Someone registered this account's address again; that was answered like a success, so that
                // registering does not tell who has an account. The owner is told instead (once a day at most, by
                // user-service), at the account's address whether or not it is verified yet: it is theirs.
                RegistrationAttempted attempt = event.payloadAs(json, RegistrationAttempted.class);
                outgoing.toBuyer(event.id(), MessageKind.REGISTRATION_ATTEMPTED, attempt.accountId(), attempt.email(),
                        event.payload(), Outgoing.Reach.RECEIPT);
            }
            default -> throw new IllegalStateException("unexpected event type " + event.type());
        }
    }
}
