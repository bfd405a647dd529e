package org.boxoffice.platform.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** What runs when, driven through the synchronizations a transaction manager would trigger. */
class TransactionPhasesTest {

    private final List<String> ran = new ArrayList<>();

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void runsAfterCommitOnlyOnceTheTransactionCommitted() {
        TransactionSynchronizationManager.initSynchronization();

        TransactionPhases.afterCommit(() -> ran.add("cache"));
        assertThat(ran).as("before the commit").isEmpty();

        commit();
        assertThat(ran).containsExactly("cache");
    }

    @Test
    void neverRunsAfterCommitWhenTheTransactionRollsBack() {
        TransactionSynchronizationManager.initSynchronization();

        TransactionPhases.afterCommit(() -> ran.add("cache"));
        TransactionPhases.afterCommitOnce(() -> ran.add("relay"));
        rollBack();

        assertThat(ran).isEmpty();
    }

    @Test
    void runsAtOnceOutsideATransaction() {
        TransactionPhases.afterCommit(() -> ran.add("cache"));
        TransactionPhases.afterCommitOnce(() -> ran.add("relay"));

        assertThat(ran).containsExactly("cache", "relay");
    }

    @Test
    void runsTheSameActionOncePerTransactionHoweverOftenAskedFor() {
        Runnable wakeRelay = () -> ran.add("relay");
        TransactionSynchronizationManager.initSynchronization();

        TransactionPhases.afterCommitOnce(wakeRelay);
        TransactionPhases.afterCommitOnce(wakeRelay);
        TransactionPhases.afterCommitOnce(() -> ran.add("other"));
        commit();

        assertThat(ran).containsExactly("relay", "other");
    }

    @Test
    void runsBeforeCommitInsideTheTransactionAndRefusesToRunWithoutOne() {
        assertThatThrownBy(() -> TransactionPhases.beforeCommit(() -> ran.add("number")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ran).isEmpty();

        TransactionSynchronizationManager.initSynchronization();
        TransactionPhases.beforeCommit(() -> ran.add("number"));
        TransactionPhases.afterCommit(() -> ran.add("cache"));
        commit();

        assertThat(ran).containsExactly("number", "cache");
    }

    private static void commit() {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationUtils.triggerBeforeCommit(false);
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCommit(synchronizations);
    }

    private static void rollBack() {
        TransactionSynchronizationManager.clearSynchronization();
    }
}
