package org.boxoffice.platform.transaction;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way to tie work to the current transaction's commit (docs/architecture.md, "Work at commit"): a cache, a
 * relay or anything outside the database learns of a change only once it committed, and a number is taken in the
 * transaction at the last moment. {@code PlatformRules.COMMIT_HOOKS_BY_TRANSACTION_PHASES} fails the build on a
 * synchronization registered by hand anywhere else.
 */
public final class TransactionPhases {

    private TransactionPhases() {
    }

    /**
     * Runs {@code action} after the current transaction commits, and never if it rolls back. Outside a transaction
     * there is nothing to wait for: it runs at once.
     */
    public static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new AfterCommit(action));
        } else {
            action.run();
        }
    }

    /**
     * Like {@link #afterCommit}, but once per transaction however often it is asked for with the same
     * {@code action} instance (the outbox wakes its relay once, not once per event).
     */
    public static void afterCommitOnce(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
        } else if (!TransactionSynchronizationManager.getSynchronizations().contains(new AfterCommit(action))) {
            TransactionSynchronizationManager.registerSynchronization(new AfterCommit(action));
        }
    }

    /**
     * Runs {@code action} inside the current transaction just before it commits, after the work that asked for it and
     * whatever locks that took; its failure rolls the transaction back.
     *
     * @throws IllegalStateException when no transaction is active: the action belongs to one
     */
    public static void beforeCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("beforeCommit needs an active transaction to belong to");
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                action.run();
            }
        });
    }

    /** Equal for the same action instance, so that {@link #afterCommitOnce} finds one registered already. */
    private record AfterCommit(Runnable action) implements TransactionSynchronization {

        @Override
        public void afterCommit() {
            action.run();
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof AfterCommit that && that.action == action;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(action);
        }
    }
}
