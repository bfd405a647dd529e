package org.boxoffice.platform.network;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The proxies whose {@code X-Forwarded-For} is believed, and the client they vouch for.
 *
 * <p>Each proxy appends the address it received the request from, so the header reads left to right from the
 * (claimed) client to the last proxy before us. Only the entries added by proxies we trust are facts; everything to
 * their left was written by whoever sent the request and may be invented. So the client is found from the right:
 * starting at the TCP peer, while the current hop is a trusted proxy, step one entry left; the first address that is
 * not a trusted proxy is the client (the "rightmost untrusted" rule, as nginx's {@code real_ip_recursive}).
 *
 * <p>With no trusted proxies — the default — the header is ignored and the TCP peer is the client.
 */
public final class TrustedProxies {

    /** Trusts nobody: the TCP peer is always the client. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final AddressRange[] ranges;
    private final List<String> descriptions;

    private TrustedProxies(List<AddressRange> ranges) {
        this.ranges = ranges.toArray(AddressRange[]::new);
        this.descriptions = ranges.stream().map(AddressRange::toString).toList();
    }

    /**
     * @param cidrs address ranges such as {@code 10.0.0.0/8}; blank entries are skipped
     * @throws IllegalArgumentException naming the first entry that is not an address range
     */
    public static TrustedProxies of(List<String> cidrs) {
        List<AddressRange> ranges = new ArrayList<>();
        for (String cidr : cidrs) {
            if (!cidr.isBlank()) {
                ranges.add(AddressRange.parse(cidr));
            }
        }
        return ranges.isEmpty() ? NONE : new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.length == 0;
    }

    public boolean trusts(InetAddress address) {
        for (AddressRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client by the rightmost-untrusted rule: for an edge that may sit behind several proxies (an ingress
     * controller behind a cloud load balancer).
     *
     * @param peer         the TCP peer
     * @param forwardedFor the {@code X-Forwarded-For} header lines in the order received (each may list several
     *                     comma-separated entries)
     * @return the client; the nearest trusted hop when a trusted proxy wrote an entry that is not an IP address, and
     *         the leftmost entry when every entry is a trusted proxy
     */
    public InetAddress clientOf(InetAddress peer, List<String> forwardedFor) {
        if (ranges.length == 0 || forwardedFor.isEmpty() || !trusts(peer)) {
            return peer;
        }
        InetAddress hop = peer;
        for (int line = forwardedFor.size() - 1; line >= 0; line--) {
            String header = forwardedFor.get(line);
            int end = header.length();
            while (end >= 0) {
                int comma = header.lastIndexOf(',', end - 1);
                InetAddress entry = parseEntry(header, comma + 1, end);
                end = comma;
                if (entry == null) {
                    // A proxy we trust wrote something we cannot read: it is the last hop we can vouch for.
                    return hop;
                }
                hop = entry;
                if (!trusts(hop)) {
                    return hop;
                }
                if (comma < 0) {
                    break;
                }
            }
        }
        return hop;
    }

    /**
     * The client for a service behind exactly one trusted proxy (the gateway), which sets {@code X-Forwarded-For} to
     * the one address it vouches for: the header's last entry when the peer is trusted, else the peer.
     */
    public InetAddress lastHopOf(InetAddress peer, @Nullable String forwardedFor) {
        if (ranges.length == 0 || forwardedFor == null || !trusts(peer)) {
            return peer;
        }
        InetAddress entry = parseEntry(forwardedFor, forwardedFor.lastIndexOf(',') + 1, forwardedFor.length());
        return entry == null ? peer : entry;
    }

    /**
     * The key a per-client limit counts under: the address for IPv4, the /64 network for IPv6 — one subscriber
     * usually holds a whole /64, and counting its addresses one by one would give it 2^64 budgets.
     */
    public static String limitKey(InetAddress client) {
        if (client instanceof Inet6Address) {
            byte[] bytes = client.getAddress();
            StringBuilder key = new StringBuilder(24);
            for (int i = 0; i < 8; i += 2) {
                key.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return key.append(":/64").toString();
        }
        return client.getHostAddress();
    }

    /** An {@code X-Forwarded-For} entry: an IP literal, optionally with a port ({@code 1.2.3.4:80}, {@code [::1]:80}). */
    static @Nullable InetAddress parseEntry(String header, int from, int to) {
        String entry = header.substring(Math.max(0, from), to).strip();
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            entry = close < 0 ? "" : entry.substring(1, close);
        } else if (entry.indexOf(':') > 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
            entry = entry.substring(0, entry.indexOf(':'));
        }
        if (entry.isEmpty()) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(entry);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return descriptions.isEmpty() ? "none" : String.join(", ", descriptions);
    }
}
