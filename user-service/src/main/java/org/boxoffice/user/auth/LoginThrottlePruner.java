package org.boxoffice.user.auth;

import org.boxoffice.platform.background.BackgroundTask;
import org.boxoffice.user.system.UserProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes the failed-login counts nobody waits on any more, once per window. Every replica prunes; the delete is
 * idempotent.
 */
@Component
class LoginThrottlePruner extends BackgroundTask {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottlePruner.class);

    private final LoginThrottle throttle;

    LoginThrottlePruner(LoginThrottle throttle, UserProperties properties) {
        super("login-throttle-pruner", properties.login().window(), true);
        this.throttle = throttle;
    }

    @Override
    protected boolean runOnce() {
        log.debug("Forgot {} quiet failed-login counts", throttle.forgetQuiet());
        return false;
    }
}
