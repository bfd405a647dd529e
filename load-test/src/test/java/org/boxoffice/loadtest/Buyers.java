package org.boxoffice.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The seeded buyers and their sessions, shared by every virtual user of a run. Buyers log in before the sale opens
 * (the pre-sale phase) and keep their session through it: a virtual user takes its buyer's current access token, and
 * when the token nears its end exactly one virtual user exchanges the refresh token (refresh tokens rotate, and a
 * token presented twice ends the session), while the others keep using the still valid one. Sessions are kept in
 * {@code tokens.csv} next to the seed, so the next profile of the same run starts with them (the seed step deletes
 * the file).
 */
final class Buyers {

    /** A token with less left than this is not taken for a new journey (a journey can take a minute or more). */
    static final long USABLE_MILLIS = 120_000;
    /** A token with less left than this is refreshed by the next virtual user of the buyer. */
    static final long REFRESH_MILLIS = 300_000;

    static final class Buyer {
        final String email;
        final String password;
        private volatile String access;
        private volatile String refresh;
        private volatile long expiresAt;
        private final AtomicBoolean refreshing = new AtomicBoolean();

        Buyer(String email, String password) {
            this.email = email;
            this.password = password;
        }

        /** The access token if it lasts long enough for a journey, else null. */
        synchronized String usableToken(long now) {
            return access != null && expiresAt - now > USABLE_MILLIS ? access : null;
        }

        synchronized String refreshToken() {
            return refresh;
        }

        /** True for the one caller that should refresh now; it must call {@link #refreshed} or {@link #refreshFailed}. */
        boolean claimRefresh(long now) {
            synchronized (this) {
                if (refresh == null || expiresAt - now > REFRESH_MILLIS) {
                    return false;
                }
            }
            return refreshing.compareAndSet(false, true);
        }

        synchronized void loggedIn(String accessToken, String refreshToken, long expiresInSeconds, long now) {
            access = accessToken;
            refresh = refreshToken;
            expiresAt = now + expiresInSeconds * 1000;
        }

        void refreshed(String accessToken, String refreshToken, long expiresInSeconds, long now) {
            loggedIn(accessToken, refreshToken, expiresInSeconds, now);
            refreshing.set(false);
        }

        /** The refresh token is spent or refused: the access token serves until it ends, then the buyer logs in. */
        void refreshFailed() {
            synchronized (this) {
                refresh = null;
            }
            refreshing.set(false);
        }
    }

    private final Map<String, Buyer> byEmail = new LinkedHashMap<>();

    static Buyers load(Path buyersCsv, Path tokensCsv) {
        Buyers buyers = new Buyers();
        try {
            List<String> lines = Files.readAllLines(buyersCsv);
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",", 2);
                buyers.byEmail.put(c[0], new Buyer(c[0], c[1]));
            }
            if (Files.exists(tokensCsv)) {
                long now = System.currentTimeMillis();
                for (String line : Files.readAllLines(tokensCsv)) {
                    String[] c = line.split(",");
                    Buyer buyer = buyers.byEmail.get(c[0]);
                    if (buyer != null && c.length == 4) {
                        buyer.loggedIn(c[1], c[2].isEmpty() ? null : c[2], 0, now);
                        synchronized (buyer) {
                            buyer.expiresAt = Long.parseLong(c[3]);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("run the seed step first (load-test/run-benchmark.sh): " + buyersCsv, e);
        }
        return buyers;
    }

    Buyer get(String email) {
        return byEmail.get(email);
    }

    /**
     * The next buyer whose session is due for a refresh, claimed for the caller (who must then call
     * {@link Buyer#refreshed} or {@link Buyer#refreshFailed}); null when none is due. The buyers are never added or
     * removed after loading, so the scan needs no lock.
     */
    Buyer claimDue(long now) {
        for (Buyer buyer : byEmail.values()) {
            if (buyer.claimRefresh(now)) {
                return buyer;
            }
        }
        return null;
    }

    /** Buyers without a session good for a journey: the pre-sale logs them in. */
    List<Buyer> withoutSession(long now) {
        return byEmail.values().stream().filter(b -> b.usableToken(now) == null).toList();
    }

    void write(Path tokensCsv) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Buyer buyer : byEmail.values()) {
            synchronized (buyer) {
                if (buyer.access != null) {
                    lines.add(buyer.email + "," + buyer.access + "," + (buyer.refresh == null ? "" : buyer.refresh) + ","
                            + buyer.expiresAt);
                }
            }
        }
        Files.write(tokensCsv, lines);
    }
}
