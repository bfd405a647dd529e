package org.boxoffice.analytics.rebuild;

import org.boxoffice.platform.openapi.ApiRoles;
import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The operator's rebuild button: admins only, answers once the replay has been started. */
@Tag(name = "Analytics")
@RestController
@RequestMapping("/api/v1/admin/analytics/rebuild")
class RebuildController {

    private final ReadModelRebuild rebuild;

    RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "rebuildAnalytics", summary = "Rebuild the sales read model from the event history",
            description = "Accepted: the rebuild runs in the background.")
    @ApiRoles(Role.ADMIN)
    @ApiResponse(responseCode = "202", description = "The rebuild started")
    ReadModelRebuild.RebuildStarted rebuild(CurrentUser user) {
        user.requireAdmin("rebuild the analytics read model");
        return rebuild.rebuild();
    }
}
