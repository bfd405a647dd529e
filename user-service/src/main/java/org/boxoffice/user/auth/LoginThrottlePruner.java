package org.boxoffice.user.auth;

import javax.sql.DataSource;

import org.boxoffice.platform.background.BackgroundTask;
import org.boxoffice.platform.background.SingleRunner;
import org.boxoffice.user.system.UserProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes the failed-login counts nobody waits on any more, once per window, one replica at a time
 * ({@link SingleRunner}); the delete is idempotent either way.
 */
@Component
class LoginThrottlePruner extends BackgroundTask {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottlePruner.class);

    private final LoginThrottle throttle;
    private final SingleRunner runner;

    LoginThrottlePruner(LoginThrottle throttle, UserProperties properties, DataSource dataSource) {
        super("login-throttle-pruner", properties.login().window(), true);
        this.throttle = throttle;
        this.runner = new SingleRunner(dataSource, "login-throttle-pruner");
    }

    @Override
    protected boolean runOnce() {
        runner.callExclusively(throttle::forgetQuiet)
                .ifPresent(forgotten -> log.debug("Forgot {} quiet failed-login counts", forgotten));
        return false;
    }
}
