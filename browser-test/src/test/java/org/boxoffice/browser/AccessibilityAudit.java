package org.boxoffice.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * An automated accessibility audit of the page the browser shows: axe-core (Deque's rules engine, from Maven Central
 * as the {@code org.webjars.npm:axe-core} webjar) injected into the page and run with every rule axe has for WCAG
 * 2.0, 2.1 and 2.2 at levels A and AA — its experimental ones and those it leaves off by default (such as
 * {@code target-size}) included, which a plain run by tag would skip without a word — and its stable best practices.
 * A violated WCAG rule fails the journey that showed the page, whatever axe's impact; a violated best practice fails
 * it when serious or critical. Everything, the rules that ran and what axe could not decide ("needs review") included,
 * is written to {@code browser-test/target/accessibility.txt}. {@code AccessibilityAuditIT} plants violations to show
 * that the audit finds them.
 */
final class AccessibilityAudit {

    /** The WCAG levels audited: A and AA of WCAG 2.0, 2.1 and 2.2. */
    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    /** What fails a journey for a best practice: axe's two highest impacts. */
    static final Set<String> FAILING = Set.of("serious", "critical");
    private static final String AXE = axeSource();
    /** The rules to run: every WCAG A/AA rule, and the best practices axe does not call experimental. */
    private static final String RULES = """
            const wcag = arguments[0];
            const ids = new Set(axe.getRules(wcag).map(r => r.ruleId));
            axe.getRules(['best-practice']).filter(r => !r.tags.includes('experimental')).forEach(r => ids.add(r.ruleId));
            return [...ids].sort();
            """;
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            const wcag = arguments[0], rules = arguments[1];
            const summary = v => ({
              id: v.id, impact: v.impact || 'minor', help: v.help, wcag: v.tags.some(tag => wcag.includes(tag)),
              nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' '))
            });
            axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] })
              .then(result => done({ violations: result.violations.map(summary),
                                     incomplete: result.incomplete.map(summary) }))
              .catch(e => done({ violations: [{ id: 'axe-error', impact: 'critical', help: String(e), wcag: true,
                                               nodes: [] }], incomplete: [] }));
            """;

    private final Path report;
    private boolean rulesRecorded;

    AccessibilityAudit(Path report) {
        this.report = report;
    }

    /**
     * One violated rule on a page: its axe id, impact, whether it is a WCAG A/AA rule, what it asks for, and the
     * elements that break it.
     */
    record Violation(String page, String rule, String impact, boolean wcag, String help, List<String> nodes) {

        /** A WCAG rule at any impact, a best practice when serious or critical. */
        boolean failing() {
            return wcag || FAILING.contains(impact);
        }

        @Override
        public String toString() {
            return page + ": " + impact + (wcag ? " WCAG " : " best-practice ") + rule + " (" + help + ")\n    "
                    + String.join("\n    ", nodes);
        }
    }

    /** The ids of the rules every audit runs, as the injected axe-core reports them. */
    List<String> rules(WebDriver browser) {
        JavascriptExecutor js = inject(browser);
        @SuppressWarnings("unchecked")
        List<String> rules = (List<String>) js.executeScript(RULES, WCAG);
        return rules;
    }

    /** Audits what {@code browser} shows as {@code page}; returns every violation, the failing ones included. */
    List<Violation> audit(WebDriver browser, String page) {
        List<String> rules = rules(browser);
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> found = (Map<String, List<Map<String, Object>>>)
                ((JavascriptExecutor) browser).executeAsyncScript(RUN, WCAG, rules);
        List<Violation> violations = violations(page, found.get("violations"));
        record(page, rules, violations, violations(page, found.get("incomplete")));
        return violations;
    }

    private static JavascriptExecutor inject(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(AXE);
        }
        return js;
    }

    private static List<Violation> violations(String page, List<Map<String, Object>> found) {
        List<Violation> violations = new ArrayList<>();
        for (Map<String, Object> v : found) {
            @SuppressWarnings("unchecked")
            List<Object> nodes = (List<Object>) v.get("nodes");
            violations.add(new Violation(page, String.valueOf(v.get("id")), String.valueOf(v.get("impact")),
                    Boolean.TRUE.equals(v.get("wcag")), String.valueOf(v.get("help")),
                    nodes.stream().map(Objects::toString).toList()));
        }
        return violations;
    }

    private synchronized void record(String page, List<String> rules, List<Violation> violations,
            List<Violation> undecided) {
        StringBuilder text = new StringBuilder();
        if (!rulesRecorded) {
            text.append("axe-core ").append(axeVersion()).append(", ").append(rules.size()).append(" rules (")
                    .append(String.join(", ", WCAG)).append(", best-practice): ").append(String.join(" ", rules))
                    .append("\n\n");
            rulesRecorded = true;
        }
        text.append(page).append(": ")
                .append(violations.isEmpty() ? "no violations" : violations.size() + " rule(s) violated").append('\n');
        violations.forEach(v -> text.append("  ").append(v).append('\n'));
        undecided.forEach(v -> text.append("  needs review: ").append(v).append('\n'));
        try {
            Files.createDirectories(report.getParent());
            Files.writeString(report, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        String path = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";
        try (InputStream in = AccessibilityAudit.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjar's version, from its Maven metadata, so that the root pom is the one place that names it. */
    private static String axeVersion() {
        String properties = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
        try (InputStream in = AccessibilityAudit.class.getClassLoader().getResourceAsStream(properties)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the class path: " + properties);
            }
            java.util.Properties values = new java.util.Properties();
            values.load(in);
            return values.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
