-- Attendee questions (issue #22 item 4, docs/commerce.md): an event's questions, asked once per order or once per
-- ticket at checkout, and the answers given, kept with the order.
CREATE TABLE attendee_question (
    id         uuid        PRIMARY KEY,
    event_id   uuid        NOT NULL CONSTRAINT question_of_event REFERENCES event (id),
    position   integer     NOT NULL,
    label      text        NOT NULL CONSTRAINT question_label_length CHECK (length(label) BETWEEN 1 AND 200),
    kind       text        NOT NULL CONSTRAINT question_kind_known CHECK (kind IN ('TEXT', 'CHOICE', 'CHECKBOX')),
    options    text[]      NOT NULL DEFAULT '{}',
    required   boolean     NOT NULL,
    scope      text        NOT NULL CONSTRAINT question_scope_known CHECK (scope IN ('ORDER', 'TICKET')),
    enabled    boolean     NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT choice_question_has_options CHECK (kind <> 'CHOICE' OR cardinality(options) > 0)
);
CREATE INDEX attendee_question_by_event ON attendee_question (event_id, position);

-- ticket_position: the ticket's place in the order (its position), null for a question asked once per order.
CREATE TABLE attendee_answer (
    id              uuid        PRIMARY KEY,
    order_id        uuid        NOT NULL CONSTRAINT answer_of_order REFERENCES purchase_order (id),
    question_id     uuid        NOT NULL CONSTRAINT answer_to_question REFERENCES attendee_question (id),
    ticket_position integer     CONSTRAINT answer_ticket_position_not_negative CHECK (ticket_position >= 0),
    answer          text        NOT NULL,
    CONSTRAINT one_answer_per_question_and_ticket UNIQUE NULLS NOT DISTINCT (order_id, question_id, ticket_position)
);
CREATE INDEX attendee_answer_by_question ON attendee_answer (question_id);
