package org.boxoffice.notification.account;

import java.util.Set;

import org.boxoffice.notification.delivery.Outgoing;
import org.boxoffice.notification.message.MessageKind;
import org.boxoffice.platform.events.EventEnvelope;
import org.boxoffice.platform.events.EventHandler;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * user-service's events: someone tried to register an address that already has an account. That registration was
 * answered like a success (so that registering does not tell who has an account); the owner is told instead.
 * user-service sends at most one a day per account.
 */
@Component
class AccountEvents implements EventHandler {

    private final JsonMapper json;
    private final Outgoing outgoing;

    AccountEvents(JsonMapper json, Outgoing outgoing) {
        this.json = json;
        this.outgoing = outgoing;
    }

    @Override
    public String producer() {
        return "user-service";
    }

    @Override
    public Set<String> types() {
        return Set.of("RegistrationAttempted");
    }

    @Override
    public void handle(EventEnvelope event) {
        RegistrationAttempted attempt = event.payloadAs(json, RegistrationAttempted.class);
        outgoing.toBuyer(event.id(), MessageKind.REGISTRATION_ATTEMPTED, attempt.accountId(), attempt.email(),
                event.payload());
    }
}
