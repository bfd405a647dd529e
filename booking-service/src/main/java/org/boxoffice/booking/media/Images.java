package org.boxoffice.booking.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.boxoffice.booking.storage.ObjectStore;
import org.boxoffice.booking.system.BookingProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Events' and venues' images: stored as content-addressed variants in the object store, the owner's current set in
 * the database. Buyers' reads of an event ask for its image on every page view, so sets are kept in memory for
 * {@code boxoffice.booking.listing-ttl} like the listing itself: a new upload reaches this replica at once and the
 * others within that time.
 */
@Service
@EnableConfigurationProperties(MediaProperties.class)
public class Images {

    private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}\\.(jpg|png)");

    private final OwnedImages owned;
    private final ObjectStore store;
    private final MediaProperties limits;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Cache<OwnedImage.Key, Optional<ImageSet>> cache;

    Images(OwnedImages owned, ObjectStore store, MediaProperties limits, TransactionTemplate transactions,
            BookingProperties booking, Clock clock) {
        this.owned = owned;
        this.store = store;
        this.limits = limits;
        this.transactions = transactions;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(booking.listingTtl()).maximumSize(20_000).build();
    }

    /**
     * Checks the upload, stores its variants (a variant already stored, byte for byte, is not written again) and
     * makes them the owner's image, with its text alternative ({@code description}, none when blank). The caller has
     * checked that the owner is the organizer's.
     */
    public ImageSet attach(ImageOwner owner, UUID ownerId, byte[] upload, @Nullable String description) {
        List<ImageSet.Variant> variants = ImageVariants.of(upload, limits).stream().map(encoded -> {
            String name = sha256(encoded.bytes()) + "." + encoded.extension();
            String key = "images/" + name;
            if (!store.exists(key)) {
                store.put(key, encoded.bytes(), encoded.mediaType());
            }
            return new ImageSet.Variant(encoded.width(), encoded.height(), name, encoded.mediaType());
        }).toList();
        ImageSet image = new ImageSet(variants, description);
        OwnedImage.Key key = OwnedImage.Key.of(owner, ownerId);
        transactions.executeWithoutResult(status -> {
            OwnedImage current = owned.findById(key).orElse(null);
            if (current == null) {
                owned.saveAndFlush(new OwnedImage(key, image, clock.instant()));
            } else {
                current.replace(image, clock.instant());
                owned.saveAndFlush(current);
            }
        });
        cache.put(key, Optional.of(image));
        return image;
    }

    public Optional<ImageSet> find(ImageOwner owner, UUID ownerId) {
        return cache.get(OwnedImage.Key.of(owner, ownerId),
                key -> owned.findById(key).map(OwnedImage::image));
    }

    /** The images of many owners at once (one query for those not in memory); owners without one are left out. */
    public Map<UUID, ImageSet> find(ImageOwner owner, Collection<UUID> ownerIds) {
        List<OwnedImage.Key> keys = ownerIds.stream().distinct().map(id -> OwnedImage.Key.of(owner, id)).toList();
        Map<OwnedImage.Key, Optional<ImageSet>> found = cache.getAll(keys, missing -> {
            Map<OwnedImage.Key, Optional<ImageSet>> read = new HashMap<>();
            missing.forEach(key -> read.put(key, Optional.empty()));
            owned.findAllByIdIn(List.copyOf(missing)).forEach(image -> read.put(image.key(),
                    Optional.of(image.image())));
            return read;
        });
        Map<UUID, ImageSet> images = new HashMap<>();
        found.forEach((key, image) -> image.ifPresent(set -> images.put(key.ownerId(), set)));
        return images;
    }

    /** A stored variant by its name, for serving; empty for a name that is not one. */
    public Optional<ObjectStore.StoredObject> open(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return store.get("images/" + name);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
