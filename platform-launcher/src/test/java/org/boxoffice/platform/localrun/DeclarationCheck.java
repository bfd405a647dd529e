package org.boxoffice.platform.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the project repeats of {@code services.yaml} by hand, compared with it: each service's own
 * {@code application.yml} (its name, port and schema, and the default URLs of the services it calls). Each
 * disagreement is one line naming the file and what it says against the declaration. The parts written from the
 * declaration are {@link DeclaredFiles}'.
 */
final class DeclarationCheck {

    private static final Pattern URL_DEFAULT = Pattern.compile("\\$\\{(BOXOFFICE_[A-Z_]+_URL):http://127\\.0\\.0\\.1:(\\d+)}");

    private final Path root;
    private final ServiceDeclaration declaration;
    private final List<String> disagreements = new ArrayList<>();

    private DeclarationCheck(Path root) {
        this.root = root;
        this.declaration = ServiceDeclaration.read(root);
    }

    /** The disagreements found under {@code root}; empty when everything says what the declaration says. */
    static List<String> disagreements(Path root) {
        DeclarationCheck check = new DeclarationCheck(root);
        check.declarationItself();
        check.applicationSettings();
        return check.disagreements;
    }

    private void declarationItself() {
        Set<String> names = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        for (ServiceDeclaration.Service service : declaration.services()) {
            expect(names.add(service.name()), FILE_NAME, service.name() + " is declared twice");
            expect(ports.add(service.port()), FILE_NAME, "port " + service.port() + " is declared twice");
            if (service.urlVariable() != null) {
                String expected = "BOXOFFICE_" + service.name().replace("-service", "").toUpperCase(Locale.ROOT)
                        .replace('-', '_') + "_URL";
                expect(service.urlVariable().equals(expected), FILE_NAME,
                        service.name() + "'s URL variable is " + service.urlVariable() + ", expected " + expected);
            }
        }
        expect(!declaration.services().isEmpty(), FILE_NAME, "declares no service");
    }

    /** Each service's application.yml: its name, port and schema; every caller's default URL of another service. */
    private void applicationSettings() {
        for (ServiceDeclaration.Service service : declaration.services()) {
            Path file = Path.of(service.name(), "src/main/resources/application.yml");
            Map<String, Object> settings = yaml(file);
            same(file, "spring.application.name", get(settings, "spring.application.name"), service.name());
            same(file, "server.port", get(settings, "server.port"), service.port());
            same(file, "boxoffice.db.schema", get(settings, "boxoffice.db.schema"), service.schema());
            Matcher url = URL_DEFAULT.matcher(read(file));
            while (url.find()) {
                String variable = url.group(1);
                ServiceDeclaration.Service target = declaration.services().stream()
                        .filter(s -> variable.equals(s.urlVariable())).findFirst().orElse(null);
                if (target == null) {
                    disagreements.add(file + ": " + variable + " is no declared service's URL variable");
                } else {
                    same(file, variable + "'s default port", Integer.parseInt(url.group(2)), target.port());
                }
            }
        }
    }

    private static final Path FILE_NAME = Path.of(ServiceDeclaration.FILE);

    private void same(Path file, String what, Object actual, Object declared) {
        expect(Objects.equals(normalized(actual), normalized(declared)), file,
                what + " is " + actual + ", " + ServiceDeclaration.FILE + " says " + declared);
    }

    private static Object normalized(Object value) {
        return value instanceof Integer || value instanceof Long ? ((Number) value).intValue() : value;
    }

    private void expect(boolean agrees, Path file, String disagreement) {
        if (!agrees) {
            disagreements.add(file + ": " + disagreement);
        }
    }

    private Map<String, Object> yaml(Path file) {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file));
        return document == null ? Map.of() : document;
    }

    private String read(Path file) {
        try {
            return Files.readString(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dotted path into nested maps; null where it ends. */
    @SuppressWarnings("unchecked")
    private static Object get(Map<String, Object> document, String path) {
        Object current = document;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return current;
    }
}
