package org.boxoffice.booking.media;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Events' and venues' images. */
interface OwnedImages extends Repository<OwnedImage, OwnedImage.Key> {

    Optional<OwnedImage> findById(OwnedImage.Key key);

    List<OwnedImage> findAllByIdIn(Collection<OwnedImage.Key> keys);

    OwnedImage saveAndFlush(OwnedImage image);
}
