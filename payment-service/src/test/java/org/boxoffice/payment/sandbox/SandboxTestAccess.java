package org.boxoffice.payment.sandbox;

import org.springframework.boot.test.context.TestComponent;

/** Lets a test pause the sandbox's back office and drive one step by hand (to lose a webhook on purpose). */
@TestComponent
public class SandboxTestAccess {

    private final SandboxWorker worker;

    SandboxTestAccess(SandboxWorker worker) {
        this.worker = worker;
    }

    public void pause() {
        worker.stop();
    }

    public void resume() {
        worker.start();
    }

    public int confirmDueCharges() {
        return worker.confirmDueCharges();
    }
}
