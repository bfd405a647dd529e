package org.boxoffice.analytics.rebuild;

import org.boxoffice.analytics.system.AdminRoleRequired;
import org.boxoffice.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator's rebuild button: admins only, answers once the replay has been started. */
@RestController
@RequestMapping("/api/v1/admin/analytics/rebuild")
class RebuildController {

    private final ReadModelRebuild rebuild;

    RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReadModelRebuild.RebuildStarted rebuild(CurrentUser user) {
        if (!user.isAdmin()) {
            throw new AdminRoleRequired("Rebuilding the analytics read model");
        }
        return rebuild.rebuild();
    }
}
