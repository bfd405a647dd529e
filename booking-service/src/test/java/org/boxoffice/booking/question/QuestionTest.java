package org.boxoffice.booking.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A question's definition rules and how it judges an answer, without Spring. */
class QuestionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Question question(QuestionKind kind, boolean required, String... options) {
        return new Question(UUID.randomUUID(), 0, new QuestionSpec("Q", kind, List.of(options), required,
                QuestionScope.ORDER), NOW);
    }

    @Test
    void aChoiceHasDifferentOptionsAndOnlyAChoiceHasAny() {
        assertThatThrownBy(() -> question(QuestionKind.CHOICE, true)).isInstanceOf(InvalidQuestion.class);
        assertThatThrownBy(() -> question(QuestionKind.CHOICE, true, "A", " A ")).isInstanceOf(InvalidQuestion.class);
        assertThatThrownBy(() -> question(QuestionKind.TEXT, false, "A")).isInstanceOf(InvalidQuestion.class);
        assertThatThrownBy(() -> question(QuestionKind.CHOICE, true, "A", "")).isInstanceOf(InvalidQuestion.class)
                .extracting(e -> ((InvalidQuestion) e).properties().get("errors").toString()).asString()
                .contains("options[1]");
        assertThat(question(QuestionKind.CHOICE, true, " A ", "B").options()).containsExactly("A", "B");
    }

    @Test
    void judgesAnAnswerByKindAndWhetherItIsRequired() {
        Question text = question(QuestionKind.TEXT, true);
        assertThat(text.judge("  ACME  ")).isEqualTo(new Question.Judged("ACME", null));
        assertThat(text.judge(" ").wrong()).isEqualTo("must be answered");
        assertThat(text.judge("x".repeat(1_001)).wrong()).contains("1000");
        assertThat(question(QuestionKind.TEXT, false).judge(null)).isEqualTo(new Question.Judged(null, null));

        Question choice = question(QuestionKind.CHOICE, true, "Meat", "Vegetarian");
        assertThat(choice.judge("Vegetarian").kept()).isEqualTo("Vegetarian");
        assertThat(choice.judge("vegetarian").wrong()).isEqualTo("must be one of Meat, Vegetarian");

        Question consent = question(QuestionKind.CHECKBOX, true);
        assertThat(consent.judge("TRUE").kept()).isEqualTo("true");
        assertThat(consent.judge("false").wrong()).isEqualTo("must be ticked (true)");
        assertThat(consent.judge("yes").wrong()).isEqualTo("must be true or false");
        assertThat(question(QuestionKind.CHECKBOX, false).judge("False").kept()).isEqualTo("false");
    }
}
