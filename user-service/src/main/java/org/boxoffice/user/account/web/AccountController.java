package org.boxoffice.user.account.web;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.security.Role;
import org.boxoffice.user.account.AccountProfile;
import org.boxoffice.user.account.AccountService;
import org.boxoffice.user.account.EmailAddress;
import org.boxoffice.user.account.PasswordPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Registration, and the caller's own account: read it, change the display name, change the password. */
@Tag(name = "Accounts", description = "Registration and the caller's own account")
@RestController
class AccountController {

    private static final String PASSWORD_LENGTH = "must be between {min} and {max} characters long";

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    /**
     * 201 with the account, whether the email was free or already had an account (then nothing changes and its
     * owner is mailed): the answer never tells who has an account.
     */
    @PostMapping("/api/v1/auth/register")
    @Operation(operationId = "register", summary = "Register a buyer account",
            description = "201 with the account whether the email was free or already had one (then nothing changes and "
                    + "its owner is mailed): the answer never tells who has an account. Log in next.")
    @ApiResponse(responseCode = "201", description = "The account")
    @ApiResponse(responseCode = "429", description = "`too-many-requests` (password hashing is busy) or `rate-limited`: "
            + "retry after `Retry-After`.")
    ResponseEntity<AccountResponse> register(@Valid @RequestBody RegistrationRequest request) {
        AccountService.Registration registration = accounts.register(request.email(), request.password(),
                request.displayName());
        return ResponseEntity.created(URI.create("/api/v1/users/me")).body(new AccountResponse(registration.id(),
                registration.email(), registration.displayName(), EnumSet.of(Role.BUYER), Set.of(),
                registration.createdAt()));
    }

    @GetMapping("/api/v1/users/me")
    @Operation(operationId = "getMyAccount", summary = "Get the caller's account")
    AccountResponse me(CurrentUser user) {
        return AccountResponse.of(accounts.get(user.id()));
    }

    @PatchMapping("/api/v1/users/me")
    @Operation(operationId = "updateMyProfile", summary = "Change the caller's display name")
    AccountResponse updateProfile(CurrentUser user, @Valid @RequestBody ProfileUpdate request) {
        return AccountResponse.of(accounts.updateProfile(user.id(), request.displayName()));
    }

    /** Ends every session of the account: other devices must log in again. */
    @PutMapping("/api/v1/users/me/password")
    @Operation(operationId = "changeMyPassword", summary = "Change the caller's password",
            description = "Ends every session of the account: other devices must log in again. A wrong current "
                + "password is a `validation-failed` naming `currentPassword`.")
    @ApiResponse(responseCode = "204", description = "Changed")
    @ApiResponse(responseCode = "429", description = "`too-many-requests` (password hashing is busy) or `rate-limited`: "
            + "retry after `Retry-After`.")
    ResponseEntity<Void> changePassword(CurrentUser user, @Valid @RequestBody PasswordChange request) {
        accounts.changePassword(user.id(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    record RegistrationRequest(
            @NotBlank @Size(max = 254) @Pattern(regexp = EmailAddress.PATTERN, message = "must be an email address like name@example.com") String email,
            @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH, message = PASSWORD_LENGTH) String password,
            @Nullable @Size(max = 100) String displayName) {
    }

    record ProfileUpdate(@Nullable @Size(max = 100) String displayName) {
    }

    record PasswordChange(@NotNull String currentPassword,
            @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH, message = PASSWORD_LENGTH) String newPassword) {
    }

    record AccountResponse(UUID id, String email, @Nullable String displayName, Set<Role> roles,
            Set<UUID> organizations, Instant createdAt) {

        static AccountResponse of(AccountProfile account) {
            return new AccountResponse(account.id(), account.email(), account.displayName(), account.roles(),
                    account.organizations(), account.createdAt());
        }
    }
}
