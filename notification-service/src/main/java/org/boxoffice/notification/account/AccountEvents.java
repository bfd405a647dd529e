package org.boxoffice.notification.account;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.notification.delivery.Channel;
import org.boxoffice.notification.delivery.Contacts;
import org.boxoffice.notification.delivery.Outgoing;
import org.boxoffice.notification.delivery.VerifiedEmails;
import org.boxoffice.notification.message.MessageKind;
import org.boxoffice.notification.message.VerificationCode;
import org.boxoffice.platform.events.EventHandler;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * user-service's events ({@code boxoffice.events.user-service}, v1, notification's own copies): a code to mail to an
 * address being verified, and the news that an account's address is verified — from then on tickets, notices and
 * announcements may go to it; and a notice to the owner when someone tried to register the address again. Runs in the
 * inbox transaction, so each happens once. A message is rendered later from the event as this service's copy of it
 * reads it (the record, written back as JSON), like every message planned from an event.
 */
@Component
class AccountEvents extends EventHandler {

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

    AccountEvents(JsonMapper json, Outgoing outgoing, VerifiedEmails verifiedEmails, Contacts contacts) {
        super("user-service");
        on(EmailVerificationRequested.class, (requested, event) -> outgoing.verificationCode(event.id(),
                Channel.EMAIL, requested.accountId(), requested.email(), MessageKind.EMAIL_CODE,
                json.writeValueAsString(new VerificationCode(requested.verificationId(), requested.email(),
                        requested.expiresAt(), requested.minutes()))));
        on(EmailVerified.class, verified -> {
            verifiedEmails.remember(verified.accountId(), verified.email(), verified.verifiedAt());
            contacts.remember(verified.accountId(), verified.email(), verified.verifiedAt());
        });
        // Someone registered this account's address again; that was answered like a success, so that registering
        // does not tell who has an account. The owner is told instead (once a day at most, by user-service), at the
        // account's address whether or not it is verified yet: it is theirs.
        on(RegistrationAttempted.class, (attempt, event) -> outgoing.toBuyer(event.id(),
                MessageKind.REGISTRATION_ATTEMPTED, attempt.accountId(), attempt.email(),
                json.writeValueAsString(attempt), Outgoing.Reach.RECEIPT));
    }
}
