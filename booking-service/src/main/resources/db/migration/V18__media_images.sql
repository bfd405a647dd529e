-- Events' and venues' images (docs/booking.md, "Images"): the variants an organizer's upload was stored as, in the
-- object store under the hash of their bytes. One image per owner; a new upload replaces the set.
CREATE TABLE media_image (
    owner_kind  text        NOT NULL,
    owner_id    uuid        NOT NULL,
    variants    text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT media_image_pk PRIMARY KEY (owner_kind, owner_id),
    CONSTRAINT media_image_owner_kind CHECK (owner_kind IN ('EVENT', 'VENUE'))
);
