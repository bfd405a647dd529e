package org.boxoffice.user.flag.web;

import java.util.List;

import org.boxoffice.platform.openapi.ApiRoles;
import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.security.Role;
import org.boxoffice.user.flag.FlagAdministration;
import org.boxoffice.user.flag.FlagChangeView;
import org.boxoffice.user.flag.FlagView;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The platform's feature flags, for admins (docs/feature-flags.md). */
@Tag(name = "Feature flags", description = "Switches that change the platform's behaviour at runtime, audited")
@RestController
@RequestMapping("/api/v1/admin/flags")
@ApiRoles(Role.ADMIN)
class FlagAdminController {

    private static final String READ = "read feature flags";
    private static final String CHANGE = "change feature flags";

    private final FlagAdministration flags;

    FlagAdminController(FlagAdministration flags) {
        this.flags = flags;
    }

    @GetMapping
    @Operation(operationId = "listFlags", summary = "List the feature flags, their settings and defaults")
    List<FlagView> list(CurrentUser caller) {
        caller.requireAdmin(READ);
        return flags.list();
    }

    @GetMapping("/{flag}")
    @Operation(operationId = "getFlag", summary = "Get one feature flag")
    @ApiResponse(responseCode = "200", description = "The flag")
    @ApiResponse(responseCode = "404", description = "`flag-not-found`.")
    FlagView get(CurrentUser caller, @PathVariable String flag) {
        caller.requireAdmin(READ);
        return flags.get(flag);
    }

    @PutMapping("/{flag}")
    @Operation(operationId = "changeFlag", summary = "Change a feature flag at runtime",
            description = "Every replica of every service applies the change within seconds. Audited: who, when, the "
                    + "setting before and after (GET …/changes).")
    @ApiResponse(responseCode = "200", description = "The flag as it is now")
    @ApiResponse(responseCode = "404", description = "`flag-not-found`.")
    @ApiResponse(responseCode = "409", description = "`concurrent-update`: another admin changed it at the same moment.")
    FlagView change(CurrentUser caller, @PathVariable String flag, @Valid @RequestBody FlagSettingRequest request) {
        caller.requireAdmin(CHANGE);
        return flags.change(caller, flag, request.toSetting());
    }

    @DeleteMapping("/{flag}")
    @Operation(operationId = "resetFlag", summary = "Drop a flag's runtime setting: the definitions file's applies",
            description = "Audited like a change.")
    @ApiResponse(responseCode = "200", description = "The flag as it is now")
    @ApiResponse(responseCode = "404", description = "`flag-not-found`.")
    FlagView reset(CurrentUser caller, @PathVariable String flag) {
        caller.requireAdmin(CHANGE);
        return flags.reset(caller, flag);
    }

    @GetMapping("/{flag}/changes")
    @Operation(operationId = "listFlagChanges", summary = "The flag's last 100 changes, newest first")
    @ApiResponse(responseCode = "200", description = "Its changes: who, when, the setting before and after")
    @ApiResponse(responseCode = "404", description = "`flag-not-found`.")
    List<FlagChangeView> changes(CurrentUser caller, @PathVariable String flag) {
        caller.requireAdmin(READ);
        return flags.changes(flag);
    }
}
