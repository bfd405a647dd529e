package org.boxoffice.gateway;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.ServiceContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** The gateway boots on real Redis and honours the platform contract; it owns no database schema. */
@IntegrationTest(properties = {
        // A waiting room whose Redis does not answer in time is closed (503, WaitingRoomRedisOutageIT): on a loaded
        // test machine 500 ms is not always enough, and the fuzz is about the client's input, not Redis' speed.
        "boxoffice.gateway.waiting-room.redis-timeout=10s" })
class GatewayServiceContractIT extends ServiceContract {

    /** Every waiting room key and a digest of its value (DUMP covers every Redis type), in key order. */
    private static final RedisScript<String> WAITING_ROOM_STATE = RedisScript.of("""
            local keys = redis.call('KEYS', 'boxoffice:waiting-room:*')
            table.sort(keys)
            local state = {}
            for _, key in ipairs(keys) do
              state[#state + 1] = key .. '=' .. redis.sha1hex(redis.call('DUMP', key))
            end
            return table.concat(state, ' ')
            """, String.class);

    @Autowired
    private ReactiveStringRedisTemplate redis;

    GatewayServiceContractIT() {
        super("gateway-service", null);
    }

    /**
     * The gateway's data is the waiting room in Redis (its queues, places, settings and live changes): a request
     * refused for its input must change none of it. Rate-limit counters are left out: counting every request,
     * refused or not, is their purpose.
     */
    @Override
    protected Supplier<String> dataFingerprint() {
        return () -> redis.execute(WAITING_ROOM_STATE, List.of(), List.of()).next().defaultIfEmpty("")
                .block(Duration.ofSeconds(30));
    }
}
