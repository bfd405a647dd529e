package org.boxoffice.payment.sandbox;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.boxoffice.platform.openapi.ApiRoles;
import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.security.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's faults ({@link SandboxFaults}), set by an admin for a chaos run or a test. Exists only while the sandbox
 * is the provider for new payments; applies to the replica that answers (each keeps its own setting).
 */
@RestController
@Tag(name = "Sandbox provider", description = "The built-in test provider's own API (not part of Boxoffice's)")
@ConditionalOnProperty(name = "boxoffice.payment.provider", havingValue = SandboxProvider.NAME, matchIfMissing = true)
class SandboxFaultsController {

    static final String PATH = "/api/v1/admin/payments/sandbox/faults";

    private final SandboxFaults faults;

    SandboxFaultsController(SandboxFaults faults) {
        this.faults = faults;
    }

    /** The faults to play; all zero: none. */
    record FaultsRequest(
            @NotNull @Min(0) @Max(60_000) Integer delayMillis,
            @NotNull @Min(0) @Max(100) Integer failurePercent,
            @NotNull @Min(0) @Max(100) Integer lostAnswerPercent) {
    }

    record FaultsResponse(long delayMillis, int failurePercent, int lostAnswerPercent) {

        static FaultsResponse of(SandboxFaults.Setting setting) {
            return new FaultsResponse(setting.delay().toMillis(), setting.failurePercent(),
                    setting.lostAnswerPercent());
        }
    }

    @GetMapping(PATH)
    @Operation(operationId = "getSandboxFaults", summary = "The faults the sandbox provider plays on this replica")
    @ApiRoles(Role.ADMIN)
    FaultsResponse get(CurrentUser user) {
        user.requireAdmin("see the sandbox provider's faults");
        return FaultsResponse.of(faults.current());
    }

    @PutMapping(PATH)
    @Operation(operationId = "setSandboxFaults", summary = "Make the sandbox provider slow or failing (tests, chaos runs)",
            description = "Every charge waits delayMillis; failurePercent of them fail before charging (a 500);"
                    + " lostAnswerPercent are taken and then fail (a timeout). All zero: none. docs/payments.md.")
    @ApiRoles(Role.ADMIN)
    FaultsResponse set(CurrentUser user, @Valid @RequestBody FaultsRequest request) {
        user.requireAdmin("set the sandbox provider's faults");
        faults.set(new SandboxFaults.Setting(Duration.ofMillis(request.delayMillis()), request.failurePercent(),
                request.lostAnswerPercent()));
        return FaultsResponse.of(faults.current());
    }
}
