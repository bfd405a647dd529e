package org.boxoffice.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import java.util.UUID;

import org.boxoffice.platform.problem.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class CurrentUserTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();

    @Test
    void letsAnAdminThrough() {
        CurrentUser admin = user(Set.of(Role.ADMIN));

        assertThatCode(() -> admin.requireAdmin("run reconciliation")).doesNotThrowAnyException();
    }

    @Test
    void refusesAnOrganizerAsForbiddenNamingTheRoleAndTheAction() {
        CurrentUser organizer = user(Set.of(Role.ORGANIZER));

        AdminRequired refused = catchThrowableOfType(AdminRequired.class,
                () -> organizer.requireAdmin("run reconciliation"));

        ProblemDetail problem = Problems.of(refused);
        assertThat(problem.getStatus()).isEqualTo(403);
        assertThat(problem.getType()).hasToString("https://boxoffice.dev/problems/forbidden");
        assertThat(problem.getDetail()).isEqualTo("Only an admin may run reconciliation.");
        assertThat(problem.getProperties()).containsEntry("requiredRole", "ADMIN");
    }

    @Test
    void refusesABuyerToo() {
        assertThat(catchThrowableOfType(AdminRequired.class, () -> user(Set.of(Role.BUYER)).requireAdmin("x")))
                .isNotNull();
    }

    private static CurrentUser user(Set<Role> roles) {
        return new CurrentUser(UUID.randomUUID(), "someone@example.com", roles, Set.of(ORGANIZATION));
    }
}
