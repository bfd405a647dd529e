package org.boxoffice.gateway.waitingroom;

import java.util.List;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The queue operations as Lua scripts, each atomic in Redis, that {@link QueueStore} runs. The queues live in Redis
 * so that every gateway replica serves every buyer and a restart loses nothing. Per event
 * (keys {@code boxoffice:waiting-room:{<eventId>}:*}, one cluster slot):
 *
 * <ul>
 *   <li>{@code state} (hash): {@code seq}, the last ticket handed out; {@code head}, the last ticket let in or skipped;
 *       {@code opened} once the early arrivals' order is drawn; {@code credit}, admissions owed but not yet made;
 *       {@code tick}, when admissions were last counted; live changes ({@code paused}, {@code everyone},
 *       {@code rate}, {@code mode}); totals ({@code joined}, {@code admitted}, {@code left}, {@code abandoned});</li>
 *   <li>{@code places} (account → ticket, or {@code E} for an early arrival), {@code tickets} (ticket → account),
 *       {@code early} (set of early arrivals), {@code joined} (account → ms) and {@code seen} (account → when the
 *       buyer is due back, ms: the time of the poll plus the interval they were told),
 *       {@code admitted} (account → pass expiry ms), {@code waits} (the last 2,000 admissions: {@code ms:waitMs}).</li>
 * </ul>
 *
 * <p>Tickets are consecutive, so a position is a subtraction ({@code ticket - head}): polling is O(1), one script.
 * Each operation is one Lua script, atomic in Redis, so replicas never race each other. Times come from the caller's
 * clock; {@code tick} only moves forward, so replicas whose clocks differ slightly never count the same time twice.
 */
final class QueueScripts {

    /**
     * Answer: {kind, a, b, c, d, created, poll ms}; kinds as in {@link Place#of}. ARGV: account, now, on-sale ms, pass
     * ms, default rate, then the poll settings: min ms, max ms, budget (polls per second for the whole queue), max ms
     * under load.
     *
     * <p>A waiting buyer is told to ask again after a quarter of their estimated wait, within min and max; the longest
     * interval grows with the queue (waiting ÷ budget, up to max under load) so that a queue of any length costs at
     * most about {@code budget} polls a second from the buyers far back. {@code seen} records when the buyer is due
     * back, so a buyer told to wait long is not taken for gone.
     */
    private static final String STATUS_FUNCTION = """
            local state, early, places, tickets, joined, seen, admitted, waits =
              KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8]
            local acc, now, onSale, defaultRate = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[5])
            local minPoll, maxPoll, budget, maxPollUnderLoad =
              tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9])
            local function pollMs(position, waiting, rate, paused)
              local longest = math.min(maxPollUnderLoad, math.max(maxPoll, math.ceil(waiting * 1000 / budget)))
              local ms = longest
              if paused == 0 and rate > 0 then ms = math.ceil(position * 60 / rate) * 250 end
              return math.max(minPoll, math.min(longest, ms))
            end
            local function earlyDue()
              -- Early arrivals are told to come back at the draw (at most max ahead), with up to min of jitter.
              redis.call('HSET', seen, acc, now + math.min(math.max(onSale - now, minPoll), maxPoll) + minPoll)
            end
            local function status()
              local passUntil = tonumber(redis.call('HGET', admitted, acc) or '0')
              if passUntil > now then return {3, passUntil, 0, 0, 0} end
              local place = redis.call('HGET', places, acc)
              if not place then return nil end
              if place == 'E' then
                earlyDue()
                if now >= onSale then return {4, 0, 0, 0, 0} end
                return {1, redis.call('SCARD', early), 0, 0, 0}
              end
              local head = tonumber(redis.call('HGET', state, 'head') or '0')
              local seq = tonumber(redis.call('HGET', state, 'seq') or '0')
              local rate = tonumber(redis.call('HGET', state, 'rate') or defaultRate)
              local paused = redis.call('HGET', state, 'paused') == '1' and 1 or 0
              local position = tonumber(place) - head
              local poll = pollMs(position, seq - head, rate, paused)
              redis.call('HSET', seen, acc, now + poll)
              return {2, position, seq - head, rate, paused, 0, poll}
            end
            """;

    static final RedisScript<List> STATUS = RedisScript.of(STATUS_FUNCTION + """
            local s = status()
            if not s then return {0, 0, 0, 0, 0, 0} end
            s[6] = 0
            return s
            """, List.class);

    static final RedisScript<List> JOIN = RedisScript.of(STATUS_FUNCTION + """
            local passMs = tonumber(ARGV[4])
            local s = status()
            if s then s[6] = 0; return s end
            local opened = redis.call('HGET', state, 'opened') == '1'
            if not opened and now >= onSale then return {4, 0, 0, 0, 0, 0} end
            redis.call('HDEL', admitted, acc)
            redis.call('HSET', joined, acc, ARGV[2])
            redis.call('HINCRBY', state, 'joined', 1)
            if not opened then
              redis.call('SADD', early, acc)
              redis.call('HSET', places, acc, 'E')
              earlyDue()
              return {1, redis.call('SCARD', early), 0, 0, 0, 1}
            end
            local seq = redis.call('HINCRBY', state, 'seq', 1)
            local head = tonumber(redis.call('HGET', state, 'head') or '0')
            local credit = tonumber(redis.call('HGET', state, 'credit') or '0')
            local everyone = redis.call('HGET', state, 'everyone') == '1'
            local paused = redis.call('HGET', state, 'paused') == '1'
            if head == seq - 1 and not paused and (everyone or credit >= 1) then
              -- Nobody ahead and admissions owed: let the buyer in now rather than at the next tick.
              redis.call('HSET', state, 'head', seq)
              if not everyone then redis.call('HSET', state, 'credit', tostring(credit - 1)) end
              redis.call('HSET', admitted, acc, now + passMs)
              redis.call('HINCRBY', state, 'admitted', 1)
              redis.call('LPUSH', waits, ARGV[2] .. ':0')
              redis.call('LTRIM', waits, 0, 1999)
              return {3, now + passMs, 0, 0, 0, 1}
            end
            redis.call('HSET', places, acc, seq)
            redis.call('HSET', tickets, seq, acc)
            s = status()
            s[6] = 1
            return s
            """, List.class);

    static final RedisScript<Long> LEAVE = RedisScript.of("""
            local state, early, places, tickets, joined, seen, admitted = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
            local acc = ARGV[1]
            local left = 0
            local place = redis.call('HGET', places, acc)
            if place then
              if place == 'E' then redis.call('SREM', early, acc) else redis.call('HDEL', tickets, place) end
              redis.call('HDEL', places, acc)
              left = 1
            end
            left = math.max(left, redis.call('HDEL', admitted, acc))
            redis.call('HDEL', joined, acc)
            redis.call('HDEL', seen, acc)
            if left == 1 then redis.call('HINCRBY', state, 'left', 1) end
            return left
            """, Long.class);

    /** ARGV: now, then the early arrivals in the order drawn. Those who came in between follow them. */
    static final RedisScript<Long> DRAW = RedisScript.of("""
            local state, early, places, tickets = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
            if redis.call('HGET', state, 'opened') == '1' then return -1 end
            local drawn = 0
            local function assign(acc)
              if redis.call('HGET', places, acc) == 'E' then
                local t = redis.call('HINCRBY', state, 'seq', 1)
                redis.call('HSET', places, acc, t)
                redis.call('HSET', tickets, t, acc)
                drawn = drawn + 1
              end
            end
            for i = 2, #ARGV do assign(ARGV[i]) end
            for _, acc in ipairs(redis.call('SMEMBERS', early)) do assign(acc) end
            redis.call('DEL', early)
            redis.call('HSET', state, 'opened', '1', 'openedAt', ARGV[1])
            local tick = tonumber(redis.call('HGET', state, 'tick') or '0')
            if tonumber(ARGV[1]) > tick then redis.call('HSET', state, 'tick', ARGV[1]) end
            return drawn
            """, Long.class);

    /**
     * ARGV: now, default rate, pass ms, idle ms, max gap ms, max steps, keep-until ms, settings version. Answer:
     * {admitted, abandoned, waiting, rate, paused, everyone, wait ms of each admitted buyer...}; {-1} before the draw.
     */
    static final RedisScript<List> TICK = RedisScript.of("""
            local state, early, places, tickets, joined, seen, admitted, waits =
              KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8]
            local now, defaultRate, passMs, idleMs, maxGap, maxSteps, keepUntil =
              tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]),
              tonumber(ARGV[6]), ARGV[7]
            for i = 1, 8 do redis.call('PEXPIREAT', KEYS[i], keepUntil) end
            local settings = redis.call('HGET', state, 'settings')
            if settings ~= ARGV[8] then
              -- The organizer saved the setting again: it replaces any live change made on the gateway before.
              if settings then redis.call('HDEL', state, 'rate', 'mode') end
              redis.call('HSET', state, 'settings', ARGV[8])
            end
            if redis.call('HGET', state, 'opened') ~= '1' then return {-1} end
            local rate = tonumber(redis.call('HGET', state, 'rate') or defaultRate)
            local paused = redis.call('HGET', state, 'paused') == '1'
            local everyone = redis.call('HGET', state, 'everyone') == '1'
            local last = tonumber(redis.call('HGET', state, 'tick') or ARGV[1])
            local elapsed = math.max(0, math.min(now - last, maxGap))
            if now > last then redis.call('HSET', state, 'tick', ARGV[1]) end
            local credit = tonumber(redis.call('HGET', state, 'credit') or '0')
            if not paused then credit = credit + rate * elapsed / 60000 end
            local head = tonumber(redis.call('HGET', state, 'head') or '0')
            local seq = tonumber(redis.call('HGET', state, 'seq') or '0')
            local out = {0, 0, 0, rate, paused and 1 or 0, everyone and 1 or 0}
            local steps = 0
            while head < seq and steps < maxSteps and not paused and (everyone or credit >= 1) do
              head = head + 1
              steps = steps + 1
              local acc = redis.call('HGET', tickets, head)
              if acc then
                redis.call('HDEL', tickets, head)
                redis.call('HDEL', places, acc)
                local dueAt = tonumber(redis.call('HGET', seen, acc) or '0')
                if now - dueAt > idleMs then
                  out[2] = out[2] + 1
                  redis.call('HDEL', joined, acc)
                  redis.call('HDEL', seen, acc)
                else
                  local wait = now - tonumber(redis.call('HGET', joined, acc) or ARGV[1])
                  redis.call('HSET', admitted, acc, now + passMs)
                  redis.call('LPUSH', waits, ARGV[1] .. ':' .. wait)
                  out[1] = out[1] + 1
                  out[#out + 1] = wait
                  if not everyone then credit = credit - 1 end
                end
              end
            end
            if head >= seq or paused then
              -- Nobody left to let in: owe at most a second's worth, not a burst for the next arrivals.
              credit = math.min(credit, math.max(1, rate / 60))
            end
            redis.call('HSET', state, 'head', head, 'credit', tostring(credit))
            redis.call('HINCRBY', state, 'admitted', out[1])
            redis.call('HINCRBY', state, 'abandoned', out[2])
            redis.call('LTRIM', waits, 0, 1999)
            out[3] = seq - head
            return out
            """, List.class);

    private QueueScripts() {
    }
}
