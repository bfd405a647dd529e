package org.boxoffice.user.organization.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.boxoffice.platform.security.CurrentUser;
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

/** Admin API of organizations: admins create them and grant organizer membership; organizers read their own. */
@RestController
@RequestMapping("/api/v1/admin/organizations")
class OrganizationController {

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @PostMapping
    ResponseEntity<OrganizationResponse> create(CurrentUser caller, @Valid @RequestBody NewOrganization request) {
        OrganizationSummary created = organizations.create(caller, request.name());
        return ResponseEntity.created(URI.create("/api/v1/admin/organizations/" + created.id()))
                .body(OrganizationResponse.of(created));
    }

    @GetMapping
    List<OrganizationResponse> list(CurrentUser caller) {
        return organizations.visibleTo(caller).stream().map(OrganizationResponse::of).toList();
    }

    @GetMapping("/{id}")
    OrganizationResponse get(CurrentUser caller, @PathVariable UUID id) {
        return OrganizationResponse.of(organizations.get(caller, id));
    }

    @GetMapping("/{id}/members")
    List<MemberResponse> members(CurrentUser caller, @PathVariable UUID id) {
        return organizations.members(caller, id).stream().map(MemberResponse::of).toList();
    }

    /** 204 whether or not the account was a member: afterwards it is not. It keeps its organizer role. */
    @DeleteMapping("/{id}/members/{userId}")
    ResponseEntity<Void> revoke(CurrentUser caller, @PathVariable UUID id, @PathVariable UUID userId) {
        organizations.revoke(caller, id, userId);
        return ResponseEntity.noContent().build();
    }

    /** 201 when the account became an organizer of the organization, 200 when it already was. */
    @PostMapping("/{id}/members")
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
