package org.boxoffice.booking.media;

import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The image of an event or a venue: its variants; replaced whole by a new upload. */
@Entity
@Table(name = "media_image")
class OwnedImage {

    /** Whose image. */
    @Embeddable
    record Key(@Column(name = "owner_kind") String ownerKind, @Column(name = "owner_id") UUID ownerId)
            implements Serializable {

        static Key of(ImageOwner owner, UUID id) {
            return new Key(owner.name(), id);
        }
    }

    @EmbeddedId
    private Key id;

    private String variants;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** Null until first stored: how Spring Data tells a new entity from a stored one. */
    @Version
    private @Nullable Long version;

    /** For JPA, which fills every field. */
    @SuppressWarnings("NullAway.Init")
    protected OwnedImage() {
    }

    OwnedImage(Key id, ImageSet image, Instant now) {
        this.id = id;
        replace(image, now);
    }

    void replace(ImageSet image, Instant now) {
        this.variants = image.toJson();
        this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    Key key() {
        return id;
    }

    ImageSet image() {
        return ImageSet.fromJson(variants);
    }
}
