package org.boxoffice.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The chaos run's report (load-test/chaos.sh): for each fault, cut out of the load's {@code requests.csv} by the
 * window {@code faults.tsv} marks, the requests made and failed during it (no answer or a 5xx: what a buyer saw; each
 * was retried with its Idempotency-Key), the seconds until holds were served again (from the fault's start to the
 * first successful hold after the window's last failed request), the invariants the audit checked after it, how long
 * the books took to settle (the audit re-checks until they do or its settle time is over) and its result; then what
 * each step answered over the whole run, how the purchases ended, and every {@code 500}: a fault
 * may make the platform unavailable ({@code 502}/{@code 503}/{@code 504}, retried), never answer as a broken server.
 * Exits with {@link #INTERNAL_ERRORS} when any request was answered {@code 500}.
 *
 * <p>Usage: {@code ChaosReport <chaosDir>}: reads {@code requests.csv} and {@code faults.tsv} ({@code name, startMs,
 * endMs, result, checked, violated, settledSeconds} tab-separated), writes {@code report.md}.
 */
public final class ChaosReport {

    record Request(long at, String buyer, String step, int status, long latency, String detail) {

        boolean failed() {
            return status == 0 || status >= 500;
        }
    }

    record Fault(String name, long start, long end, String result, String checked, String violated, String settled) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<Request> requests = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("requests.csv")).stream().skip(1).toList()) {
            String[] f = line.split(",", 6);
            if (f.length == 6) {
                requests.add(new Request(Long.parseLong(f[0]), f[1], f[2], Integer.parseInt(f[3]),
                        Long.parseLong(f[4]), f[5]));
            }
        }
        List<Fault> faults = Files.readAllLines(dir.resolve("faults.tsv")).stream().filter(l -> !l.isBlank())
                .map(l -> l.split("\t")).map(f -> new Fault(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3],
                        f[4], f[5], f.length > 6 ? f[6] : "?")).toList();
        StringBuilder md = new StringBuilder("# Chaos run\n\n");
        md.append("| fault | start (UTC) | window | requests failed / made during it | seconds to recover (holds "
                + "served again) | invariants checked | audit settled after (s) | result |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Fault fault : faults) {
            List<Request> during = requests.stream().filter(r -> r.at() >= fault.start() && r.at() <= fault.end())
                    .filter(r -> !r.step().equals("outcome")).toList();
            long failed = during.stream().filter(Request::failed).count();
            md.append("| ").append(fault.name()).append(" | ").append(Instant.ofEpochMilli(fault.start()))
                    .append(" | ").append(seconds(fault.end() - fault.start())).append(" s | ").append(failed)
                    .append(" / ").append(during.size()).append(" | ").append(recovery(fault, during, requests))
                    .append(" | ").append(fault.checked()).append(" | ").append(fault.settled()).append(" | ")
                    .append(fault.result())
                    .append(fault.violated().equals("0") ? "" : " (" + fault.violated() + " violated)")
                    .append(" |\n");
        }
        md.append("\nFailed requests by fault and step (status: count; detail: the problem type or the client's "
                + "error):\n\n");
        for (Fault fault : faults) {
            Map<String, Long> byStep = requests.stream().filter(r -> r.at() >= fault.start() && r.at() <= fault.end())
                    .filter(Request::failed).collect(Collectors.groupingBy(r -> r.step() + " " + r.status() + " "
                            + r.detail(), TreeMap::new, Collectors.counting()));
            md.append("- ").append(fault.name()).append(": ").append(byStep.isEmpty() ? "none" : byStep.entrySet()
                    .stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining("; ")))
                    .append("\n");
        }
        md.append("\nWhole run, answers per step:\n\n| step | answers (status: count) | median ms |\n|---|---|---|\n");
        Map<String, List<Request>> bySteps = requests.stream().filter(r -> !r.step().equals("outcome"))
                .collect(Collectors.groupingBy(Request::step, TreeMap::new, Collectors.toList()));
        bySteps.forEach((step, answers) -> md.append("| ").append(step).append(" | ")
                .append(answers.stream().collect(Collectors.groupingBy(Request::status, TreeMap::new,
                        Collectors.counting())).entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(", "))).append(" | ")
                .append(answers.stream().mapToLong(Request::latency).sorted().skip(answers.size() / 2).findFirst()
                        .orElse(0)).append(" |\n"));
        Map<String, Long> outcomes = requests.stream().filter(r -> r.step().equals("outcome"))
                .collect(Collectors.groupingBy(r -> r.detail().substring(r.detail().indexOf(' ') + 1), TreeMap::new,
                        Collectors.counting()));
        md.append("\nPurchases followed to their end: ").append(outcomes.isEmpty() ? "none" : outcomes.entrySet()
                .stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append(".\n");
        List<Request> internalErrors = requests.stream().filter(r -> r.status() == 500).toList();
        md.append("\nAnswered `500` (a server that broke, not one that was unavailable: a fault must be a `502`, `503` or "
                + "`504` the client retries): ").append(internalErrors.isEmpty() ? "none" : internalErrors.size() + ", "
                + internalErrors.stream().map(r -> Instant.ofEpochMilli(r.at()) + " " + r.step() + " " + r.detail())
                        .collect(Collectors.joining("; "))).append(".\n");
        Files.writeString(dir.resolve("report.md"), md.toString());
        System.out.print(md);
        System.exit(internalErrors.isEmpty() ? 0 : INTERNAL_ERRORS);
    }

    /** The exit status when a request was answered 500 during the run: the run fails. */
    static final int INTERNAL_ERRORS = 3;

    /** From the fault's start to the first successful hold after the window's last failed request. */
    private static String recovery(Fault fault, List<Request> during, List<Request> all) {
        long lastFailure = during.stream().filter(Request::failed).mapToLong(Request::at).max().orElse(-1);
        if (lastFailure < 0) {
            return "no request failed";
        }
        return all.stream().filter(r -> r.step().equals("hold") && r.status() == 201 && r.at() > lastFailure)
                .mapToLong(Request::at).min().stream().mapToObj(at -> seconds(at - fault.start())).findFirst()
                .orElse("not recovered");
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
