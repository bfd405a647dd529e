package org.boxoffice.platform.infra;

import org.jspecify.annotations.Nullable;

/** A reachable Redis server. */
public record RedisServer(String host, int port, @Nullable String password, Source source) {

    public RespClient connect() {
        return RespClient.connect(host, port, password);
    }

    @Override
    public String toString() {
        return host + ":" + port + " (" + source.name().toLowerCase() + ")";
    }
}
