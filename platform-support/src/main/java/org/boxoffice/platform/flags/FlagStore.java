package org.boxoffice.platform.flags;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Where every replica reads the runtime flag changes: two Redis keys, the document ({@value #DOCUMENT}) and its
 * version ({@value #VERSION}), written together by one script that refuses an older document, so two writers (the
 * change and the periodic republish) can never leave an older state behind. Replicas poll the version (a few bytes)
 * and read the document only when it grew.
 *
 * <p>Redis is a copy, never the record: the owner of the changes keeps them in PostgreSQL and writes them here again
 * periodically, which repairs a Redis that restarted empty (docs/feature-flags.md).
 */
public final class FlagStore {

    static final String DOCUMENT = "boxoffice:flags:document";
    static final String VERSION = "boxoffice:flags:version";

    private static final RedisScript<Long> WRITE_IF_NEWER = new DefaultRedisScript<>("""
            local current = redis.call('GET', KEYS[2])
            if current and tonumber(current) >= tonumber(ARGV[1]) then return 0 end
            redis.call('SET', KEYS[1], ARGV[2])
            redis.call('SET', KEYS[2], ARGV[1])
            return 1""", Long.class);

    private final StringRedisTemplate redis;

    public FlagStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The published version; empty when nothing was published (or Redis lost it). Fails when Redis is unreachable. */
    public OptionalLong version() {
        String version = redis.opsForValue().get(VERSION);
        return version == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(version));
    }

    /** The published document, if any. Fails when Redis is unreachable. */
    public Optional<FlagDocument> read() {
        return Optional.ofNullable(redis.opsForValue().get(DOCUMENT)).map(FlagDocument::fromJson);
    }

    /**
     * Publishes the document unless Redis has the same or a newer version.
     *
     * @return whether it was written
     */
    public boolean publish(FlagDocument document) {
        Long written = redis.execute(WRITE_IF_NEWER, List.of(DOCUMENT, VERSION), Long.toString(document.version()),
                document.toJson());
        return written != null && written == 1L;
    }
}
