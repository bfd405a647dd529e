package org.boxoffice.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code report.md}: per profile the paper's columns (users, average, p95, p99, errors) and ours (holds/s,
 * sales/s, conflicts, sold-out time), the hardware reference from pgbench and the fraction of it the platform
 * reached end to end, the audit, and how the run was configured.
 *
 * <p>Usage: {@code Report <reportDir> <seed.properties> <profile>...}
 */
public final class Report {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Properties seed = new Properties();
        try (var reader = Files.newBufferedReader(Path.of(args[1]))) {
            seed.load(reader);
        }
        double dbLimit = pgbenchTps(dir.resolve("pgbench.txt"));
        StringBuilder md = new StringBuilder("# On-sale benchmark report\n\n");
        double bestHolds = 0;
        for (int i = 2; i < args.length; i++) {
            String profile = args[i];
            Path steps = dir.resolve(profile).resolve("steps.csv");
            if (!Files.exists(steps)) {
                md.append("## ").append(profile).append(": no results (the simulation did not finish)\n\n");
                continue;
            }
            Properties run = new Properties();
            try (var reader = Files.newBufferedReader(dir.resolve(profile).resolve("run.properties"))) {
                run.load(reader);
            }
            long soldOut = Long.parseLong(run.getProperty("soldOutAtMillis", "-1"));
            Path presale = dir.resolve(profile).resolve("presale.csv");
            String presaleLine = "";
            if (Files.exists(presale) && Files.readAllLines(presale).size() > 1) {
                String[] p = Files.readAllLines(presale).get(1).split(",");
                if (Long.parseLong(p[0]) > 0) {
                    presaleLine = String.format(Locale.ROOT, "Pre-sale (before the sale opens, not in the table): %s "
                            + "buyers logged in, %s login requests in %s s, %s answered 429 and retried after "
                            + "Retry-After, %s errors; avg %s ms, p95 %s ms.%n%n", p[1], p[0], p[4], p[2], p[3], p[5],
                            p[6]);
                } else {
                    presaleLine = "Pre-sale: every buyer already had a session (from the warm-up or the previous profile).\n\n";
                }
            }
            md.append("## Profile `").append(profile).append("` (event ").append(seed.getProperty(profile + ".eventId"))
                    .append(", ").append(seed.getProperty(profile + ".capacity")).append(" tickets)\n\n")
                    .append(presaleLine)
                    .append("| users | s | requests | avg ms | p95 ms | p99 ms | errors % | holds/s | sales/s | tickets sold | conflicts | declined | cancelled | 429 retried |\n")
                    .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            List<String> lines = Files.readAllLines(steps);
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                double seconds = Double.parseDouble(c[1]);
                long requests = Long.parseLong(c[2]);
                double holdsPerSecond = Long.parseLong(c[7]) / seconds;
                bestHolds = Math.max(bestHolds, holdsPerSecond);
                md.append(String.format(Locale.ROOT, "| %,d | %s | %,d | %s | %s | %s | %.2f | %.1f | %.1f | %s | %s | %s | %s | %s |%n",
                        Long.parseLong(c[0]), c[1], requests, c[3], c[4], c[5],
                        requests == 0 ? 0 : 100.0 * Long.parseLong(c[6]) / requests, holdsPerSecond,
                        Long.parseLong(c[9]) / seconds, c[10], c[8], c[11], c[12], c.length > 13 ? c[13] : "-"));
            }
            md.append(waitingRoom(lines, seed.getProperty(profile + ".waitingRoom", "off")));
            if (run.containsKey("stillWaitingAtEnd") && !"off".equals(seed.getProperty(profile + ".waitingRoom", "off"))) {
                md.append("\nStill in the queue when the plan's last step ended (they gave up and left; the run does "
                        + "not wait for the queue to drain): ").append(run.getProperty("stillWaitingAtEnd"))
                        .append(" virtual users.\n");
            }
            md.append("\nSold-out time: ").append(soldOut < 0 ? "not sold out during the run"
                    : String.format(Locale.ROOT, "%.1f s after the first buyer arrived", soldOut / 1000.0))
                    .append(". Gatling's HTML report: `").append(profile).append("/gatling/index.html`.\n\n");
        }
        md.append("## Hardware reference\n\n");
        if (dbLimit > 0) {
            md.append(String.format(Locale.ROOT, "pgbench, the hold path's SQL on the same PostgreSQL: **%.0f holds/s** "
                    + "(`pgbench.txt`). Best end-to-end step: %.1f holds/s = **%.1f %%** of the database's own limit.%n%n",
                    dbLimit, bestHolds, 100 * bestHolds / dbLimit));
        } else {
            md.append("not measured in this run (smoke).\n\n");
        }
        md.append("## Audit\n\n").append(read(dir.resolve("audit.md"), "the audit did not run")).append("\n");
        md.append("## Configuration\n\n").append(read(dir.resolve("config.txt"), "")).append("\n");
        Files.writeString(dir.resolve("report.md"), md.toString());
        System.out.print(md);
    }

    /**
     * The waiting room's own table when the profile's event had one: its calls (join, poll, leave), the buyers let in
     * per step and per minute, and how long they waited. The table above then holds the admitted buyers' requests;
     * its error share counts the waiting room's errors too.
     */
    static String waitingRoom(List<String> lines, String setting) {
        if (setting.equals("off") || lines.isEmpty() || lines.getFirst().split(",").length < 22) {
            return "";
        }
        StringBuilder md = new StringBuilder("\nWaiting room (" + setting + "): requests above are the admitted buyers' "
                + "(and their logins); the queue's own calls are here. A queue answer is not an error.\n\n"
                + "| users | queue calls | queue errors | queue p95 ms | let in | let in / min | wait p50 s | wait p95 s "
                + "| wait p99 s | errors % incl. queue | answers without a position |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            double seconds = Double.parseDouble(c[1]);
            long requests = Long.parseLong(c[2]) + Long.parseLong(c[14]);
            long errors = Long.parseLong(c[6]) + Long.parseLong(c[15]);
            md.append(String.format(Locale.ROOT, "| %,d | %,d | %s | %s | %,d | %.0f | %.1f | %.1f | %.1f | %.2f | %s |%n",
                    Long.parseLong(c[0]), Long.parseLong(c[14]), c[15], c[16], Long.parseLong(c[17]),
                    Long.parseLong(c[17]) * 60 / seconds, Long.parseLong(c[18]) / 1000.0,
                    Long.parseLong(c[19]) / 1000.0, Long.parseLong(c[20]) / 1000.0,
                    requests == 0 ? 0 : 100.0 * errors / requests, c[21]));
        }
        return md.toString();
    }

    private static double pgbenchTps(Path file) throws IOException {
        if (!Files.exists(file)) {
            return -1;
        }
        Matcher matcher = TPS.matcher(Files.readString(file));
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }

    private static String read(Path file, String fallback) throws IOException {
        return Files.exists(file) ? Files.readString(file) : fallback + "\n";
    }
}
