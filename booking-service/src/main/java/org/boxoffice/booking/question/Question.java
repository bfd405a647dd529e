package org.boxoffice.booking.question;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A question an event asks at checkout: its label, kind (with the options of a choice), whether it must be answered,
 * and whether once per order or once per ticket. It judges an answer ({@link #judge}). A question is never deleted
 * (answers refer to it): disabled, it is no longer asked, and the answers already given stay.
 */
@Entity
@Table(name = "attendee_question")
public class Question {

    static final int MAX_ANSWER = 1_000;
    private static final int MAX_OPTIONS = 50;

    @Id
    private UUID id;
    @Column(name = "event_id")
    private UUID eventId;
    private int position;
    private String label;
    @Enumerated(EnumType.STRING)
    private QuestionKind kind;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] options = new String[0];
    private boolean required;
    @Enumerated(EnumType.STRING)
    private QuestionScope scope;
    private boolean enabled;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Question() {
    }

    Question(UUID eventId, int position, QuestionSpec spec, Instant now) {
        this.id = UUID.randomUUID();
        this.eventId = eventId;
        this.position = position;
        this.enabled = true;
        this.createdAt = now;
        redefine(spec, now);
    }

    /** Replaces the definition; answers already given keep what they said. */
    void redefine(QuestionSpec spec, Instant now) {
        String text = spec.label().strip();
        if (text.isEmpty() || text.length() > 200) {
            throw new InvalidQuestion("label", "A question's label is 1 to 200 characters.");
        }
        List<String> choices = spec.options().stream().map(String::strip).toList();
        if (spec.kind() == QuestionKind.CHOICE) {
            if (choices.isEmpty() || choices.size() > MAX_OPTIONS) {
                throw new InvalidQuestion("options", "A choice question has 1 to " + MAX_OPTIONS + " options.");
            }
            for (int i = 0; i < choices.size(); i++) {
                if (choices.get(i).isEmpty() || choices.get(i).length() > 200) {
                    throw new InvalidQuestion("options[" + i + "]", "An option is 1 to 200 characters.");
                }
            }
            if (new HashSet<>(choices).size() != choices.size()) {
                throw new InvalidQuestion("options", "A choice question's options are all different.");
            }
        } else if (!choices.isEmpty()) {
            throw new InvalidQuestion("options", "Only a CHOICE question has options.");
        }
        this.label = text;
        this.kind = spec.kind();
        this.options = choices.toArray(String[]::new);
        this.required = spec.required();
        this.scope = spec.scope();
        this.updatedAt = now;
    }

    void enable(boolean on, Instant now) {
        this.enabled = on;
        this.updatedAt = now;
    }

    /** An answer judged: what to keep (null: nothing, the question was left out), or what is wrong with it. */
    record Judged(@Nullable String kept, @Nullable String wrong) {
    }

    /** Judges {@code answer} (null or blank: not answered) by this question's kind and whether it is required. */
    Judged judge(@Nullable String answer) {
        String given = answer == null ? "" : answer.strip();
        if (given.isEmpty()) {
            return new Judged(null, required ? "must be answered" : null);
        }
        return switch (kind) {
            case TEXT -> given.length() > MAX_ANSWER
                    ? new Judged(null, "is at most " + MAX_ANSWER + " characters") : new Judged(given, null);
            case CHOICE -> Arrays.asList(options).contains(given) ? new Judged(given, null)
                    : new Judged(null, "must be one of " + String.join(", ", options));
            case CHECKBOX -> {
                String flag = given.toLowerCase(Locale.ROOT);
                if (!flag.equals("true") && !flag.equals("false")) {
                    yield new Judged(null, "must be true or false");
                }
                yield required && flag.equals("false") ? new Judged(null, "must be ticked (true)")
                        : new Judged(flag, null);
            }
        };
    }

    public UUID id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public int position() {
        return position;
    }

    public String label() {
        return label;
    }

    public QuestionKind kind() {
        return kind;
    }

    public List<String> options() {
        return List.of(options);
    }

    public boolean required() {
        return required;
    }

    public QuestionScope scope() {
        return scope;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
