package org.boxoffice.user.flag;

import java.time.Duration;

import org.boxoffice.platform.background.BackgroundTask;
import org.boxoffice.platform.flags.FlagDocument;
import org.boxoffice.platform.flags.FlagState;
import org.boxoffice.platform.flags.FlagStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the stored flag changes to Redis for every replica: at once after a change, and again every 10 seconds
 * (and at start), which repairs a publication lost while Redis was down or a Redis that restarted empty. Publishing
 * is write-if-newer, so every user-service replica may run it. This replica applies the document itself too, without
 * waiting for its refresher.
 */
@Component
class FlagPublication extends BackgroundTask {

    private final ObjectProvider<FlagAdministration> administration;
    private final FlagStore store;
    private final FlagState state;
    private final TransactionTemplate transactions;

    FlagPublication(ObjectProvider<FlagAdministration> administration, FlagStore store, FlagState state,
            TransactionTemplate transactions) {
        super("feature-flag-publication", Duration.ofSeconds(10), true);
        this.administration = administration;
        this.store = store;
        this.state = state;
        this.transactions = transactions;
    }

    /** After a change committed: publish now (a failure is retried by the next periodic round). */
    void publishNow() {
        try {
            runOnce();
        } catch (RuntimeException redisDown) {
            wake();
        }
    }

    @Override
    protected boolean runOnce() {
        FlagDocument document = transactions.execute(status -> administration.getObject().document());
        if (document != null) {
            state.apply(document);
            store.publish(document);
        }
        return false;
    }
}
