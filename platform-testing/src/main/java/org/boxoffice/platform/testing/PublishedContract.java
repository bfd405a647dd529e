package org.boxoffice.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's published API contract: the OpenAPI document committed as {@code docs/openapi/<service>.json}, which
 * the document the service serves must equal. A difference the
 * <a href="https://github.com/OpenAPITools/openapi-diff">openapi-diff</a> library calls breaking (a removed operation
 * or response field, a new required parameter, a narrowed type…) is refused unless {@code info.version} moves to a new
 * major version; any other difference is refused until the committed document is updated, which
 * {@code -Dopenapi.update=true} does (docs/api.md, "Contract, clients and versioning").
 */
public final class PublishedContract {

    /** The system property that rewrites the committed documents from the served ones instead of checking them. */
    public static final String UPDATE_PROPERTY = "openapi.update";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Pattern SEMVER = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:[-+].*)?");

    private PublishedContract() {
    }

    /** What a served document is, compared with the committed one. */
    public enum Verdict {
        /** The same document: nothing to do. */
        UNCHANGED,
        /** Different, but no client of the committed document breaks: commit the served one. */
        COMPATIBLE,
        /** Breaking, and {@code info.version} has a new major version: commit the served one. */
        BREAKING_WITH_NEW_VERSION,
        /** Breaking without a new major version: refused. */
        BREAKING
    }

    /** The verdict and, when the documents differ, openapi-diff's account of the changes (Markdown). */
    public record Comparison(Verdict verdict, String changes) {
    }

    /** Compares a served document with the committed one (both JSON or YAML OpenAPI documents). */
    public static Comparison compare(String committed, String served) {
        if (JSON.readTree(committed).equals(JSON.readTree(served))) {
            return new Comparison(Verdict.UNCHANGED, "");
        }
        ChangedOpenApi diff = OpenApiCompare.fromContents(committed, served);
        String changes = new MarkdownRender().render(diff);
        if (!diff.isIncompatible()) {
            return new Comparison(Verdict.COMPATIBLE, changes);
        }
        String before = version(committed);
        String after = version(served);
        return new Comparison(newMajorVersion(before, after) ? Verdict.BREAKING_WITH_NEW_VERSION : Verdict.BREAKING,
                changes);
    }

    /**
     * Whether {@code after} is a new major version of {@code before} ("1.4.0" to "2.0.0"); versions that are not
     * semantic versions count as new when they differ at all.
     */
    static boolean newMajorVersion(@Nullable String before, @Nullable String after) {
        if (before == null || after == null || before.equals(after)) {
            return false;
        }
        Matcher old = SEMVER.matcher(before);
        Matcher young = SEMVER.matcher(after);
        if (!old.matches() || !young.matches()) {
            return true;
        }
        return Long.parseLong(young.group(1)) > Long.parseLong(old.group(1));
    }

    /**
     * Checks the document {@code served} by {@code service} against {@code docs/openapi/<service>.json} of the
     * repository, or writes it there when the system property {@value #UPDATE_PROPERTY} is {@code true}.
     *
     * @throws AssertionError when the served document is a breaking change without a new major version, or differs
     *                        from the committed one in any other way
     */
    public static void verify(String service, String served, String itClass) throws IOException {
        Path committedFile = repositoryRoot().resolve("docs/openapi").resolve(service + ".json");
        String pretty = pretty(served);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(committedFile.getParent());
            Files.writeString(committedFile, pretty);
            return;
        }
        String update = updateCommand(service, itClass);
        if (!Files.exists(committedFile)) {
            throw new AssertionError(service + " has no published contract at docs/openapi/" + service
                    + ".json. Write it from the served document with:\n  " + update);
        }
        Comparison comparison = compare(Files.readString(committedFile), pretty);
        switch (comparison.verdict()) {
            case UNCHANGED -> {
            }
            case BREAKING -> throw new AssertionError("""
                    %s serves a BREAKING change of its published contract (docs/openapi/%s.json) without a new \
                    major info.version (%s, committed %s). Clients built on the published document would break: \
                    keep the old behaviour (add, do not change or remove), or release a new major version \
                    (boxoffice.api.version) with the deprecation policy of docs/api.md, then update the committed \
                    document with:
                      %s
                    Changes:
                    %s""".formatted(service, service, version(pretty), version(Files.readString(committedFile)),
                    update, comparison.changes()));
            default -> throw new AssertionError("""
                    %s serves a document that differs from its published contract docs/openapi/%s.json (%s). \
                    If the change is meant, update the committed document and commit it with the change:
                      %s
                    Changes:
                    %s""".formatted(service, service, comparison.verdict() == Verdict.COMPATIBLE
                    ? "a compatible change" : "a breaking change with a new major version", update,
                    comparison.changes().isBlank() ? "(descriptions, examples or ordering only)"
                            : comparison.changes()));
        }
    }

    /** The one command that rewrites {@code docs/openapi/<service>.json} from what the service serves. */
    public static String updateCommand(String service, String itClass) {
        return "./mvnw verify -pl " + service + " -am -D" + UPDATE_PROPERTY + "=true -Dit.test=" + itClass
                + " -Dfailsafe.failIfNoSpecifiedTests=false -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false";
    }

    /** The document as committed and exported: pretty-printed JSON, keys in the order the service serves them. */
    public static String pretty(String document) {
        return JSON.writeValueAsString(JSON.readTree(document)) + "\n";
    }

    private static @Nullable String version(String document) {
        JsonNode version = JSON.readTree(document).path("info").path("version");
        return version.isString() ? version.asString() : null;
    }

    /** The checkout's root: the nearest directory up from the working directory (a module's) with the wrapper. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("docs"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Boxoffice checkout (mvnw and docs/) above " + dir);
    }
}
