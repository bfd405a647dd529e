package org.boxoffice.user.organization.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.boxoffice.platform.openapi.ApiRoles;
import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.security.Role;
import org.boxoffice.user.organization.OrganizationMember;
import org.boxoffice.user.organization.OrganizationService;
import org.boxoffice.user.organization.OrganizationSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Admin API of organizations: admins create them and grant organizer membership; organizers read their own. */
@Tag(name = "Organizations", description = "Organizations and their organizers")
@RestController
@RequestMapping("/api/v1/admin/organizations")
class OrganizationController {

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @PostMapping
    @Operation(operationId = "createOrganization", summary = "Create an organization")
    @ApiRoles(Role.ADMIN)
    @ApiResponse(responseCode = "201", description = "The organization")
    @ApiResponse(responseCode = "409", description = "`organization-name-taken`.")
    ResponseEntity<OrganizationResponse> create(CurrentUser caller, @Valid @RequestBody NewOrganization request) {
        OrganizationSummary created = organizations.create(caller, request.name());
        return ResponseEntity.created(URI.create("/api/v1/admin/organizations/" + created.id()))
                .body(OrganizationResponse.of(created));
    }

    @GetMapping
    @Operation(operationId = "listOrganizations", summary = "List the caller's organizations (every one for an admin)")
    List<OrganizationResponse> list(CurrentUser caller) {
        return organizations.visibleTo(caller).stream().map(OrganizationResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getOrganization", summary = "Get one of the caller's organizations")
    OrganizationResponse get(CurrentUser caller, @PathVariable UUID id) {
        return OrganizationResponse.of(organizations.get(caller, id));
    }

    @GetMapping("/{id}/members")
    @Operation(operationId = "listOrganizationMembers", summary = "List the organizers of an organization")
    List<MemberResponse> members(CurrentUser caller, @PathVariable UUID id) {
        return organizations.members(caller, id).stream().map(MemberResponse::of).toList();
    }

    /** 204 whether or not the account was a member: afterwards it is not. It keeps its organizer role. */
    @DeleteMapping("/{id}/members/{userId}")
    @Operation(operationId = "removeOrganizationMember", summary = "End an account's membership of the organization",
            description = "Answers 204 whether or not the account was a member: afterwards it is not. The account "
                    + "keeps its organizer role.")
    @ApiRoles(Role.ADMIN)
    @ApiResponse(responseCode = "204", description = "The account is not a member (any more)")
    ResponseEntity<Void> revoke(CurrentUser caller, @PathVariable UUID id, @PathVariable UUID userId) {
        organizations.revoke(caller, id, userId);
        return ResponseEntity.noContent().build();
    }

    /** 201 when the account became an organizer of the organization, 200 when it already was. */
    @PostMapping("/{id}/members")
    @Operation(operationId = "addOrganizationMember", summary = "Make an account an organizer of the organization")
    @ApiRoles(Role.ADMIN)
    @ApiResponse(responseCode = "201", description = "The account became an organizer of the organization")
    @ApiResponse(responseCode = "200", description = "The account already was one")
    ResponseEntity<Void> grant(CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody NewMember request) {
        boolean granted = organizations.grant(caller, id, request.email());
        return ResponseEntity.status(granted ? HttpStatus.CREATED : HttpStatus.OK).build();
    }

    record NewOrganization(@NotBlank @Size(max = 200) String name) {
    }

    record NewMember(@NotBlank @Email @Size(max = 254) String email) {
    }

    record OrganizationResponse(UUID id, String name, Instant createdAt) {
        static OrganizationResponse of(OrganizationSummary organization) {
            return new OrganizationResponse(organization.id(), organization.name(), organization.createdAt());
        }
    }

    record MemberResponse(UUID userId, String email, @Nullable String displayName) {
        static MemberResponse of(OrganizationMember member) {
            return new MemberResponse(member.userId(), member.email(), member.displayName());
        }
    }
}
