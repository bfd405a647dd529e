package org.boxoffice.platform.problem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProblemTypeTest {

    @Test
    void buildsAStableUriFromItsSlug() {
        assertThat(new ProblemType("seats-unavailable", "Seats unavailable", 409).uri())
                .hasToString("https://boxoffice.dev/problems/seats-unavailable");
    }

    @Test
    void refusesASlugThatIsNotKebabCase() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ProblemType("Seats Unavailable", "x", 409));
    }

    @Test
    void refusesAStatusThatIsNotAnError() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ProblemType("fine", "x", 200));
    }

    @Test
    void givesEveryErrorStatusAType() {
        assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(502)).isEqualTo(ProblemType.INTERNAL_ERROR);
        assertThat(ProblemType.forStatus(418).uri()).hasToString("https://boxoffice.dev/problems/http-418");
    }
}
