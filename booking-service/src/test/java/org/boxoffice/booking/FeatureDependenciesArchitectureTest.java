package org.boxoffice.booking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.boxoffice.platform.data.SqlByDesign;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How booking's feature packages may depend on each other (docs/booking.md, "Packages and use cases"). Every rule
 * refuses to pass on an empty selection ({@code allowEmptyShould(false)}), so a renamed package fails the test
 * instead of silently satisfying it.
 */
class FeatureDependenciesArchitectureTest {

    private static final String BOOKING = "org.boxoffice.booking";
    private static final String[] FEATURES = { "..booking.admission..", "..booking.availability..",
            "..booking.demo..", "..booking.event..", "..booking.hold..", "..booking.inventory..", "..booking.invoice..",
            "..booking.media..", "..booking.order..", "..booking.payment..", "..booking.promo..", "..booking.question..",
            "..booking.ticket..", "..booking.venue..", "..booking.waitlist..", "..booking.capacity.." };

    /** Features depend on each other in one direction only: no feature reaches back into one that uses it. */
    static final ArchRule FEATURES_FREE_OF_CYCLES = slices().matching(BOOKING + ".(*)..").namingSlices("$1")
            .should().beFreeOfCycles()
            .allowEmptyShould(false);

    /**
     * The inventory is the fence under holds and orders and knows neither: it takes, sells and gives back a
     * {@code Claim}, whoever holds it. It may tell the availability cache what changed, nothing else of booking.
     */
    static final ArchRule INVENTORY_KNOWS_NO_SALE = noClasses().that().resideInAPackage("..booking.inventory..")
            .should().dependOnClassesThat().resideInAnyPackage(without("..booking.inventory..",
                    "..booking.availability.."))
            .because("holds and orders use the inventory, not the other way round")
            .allowEmptyShould(false);

    /**
     * A feature's hand-written SQL (classes marked {@code @SqlByDesign}) is its own business: no other feature calls
     * it. The inventory's fenced statements are the exception, being that feature's API.
     */
    static final ArchRule SQL_STAYS_IN_ITS_FEATURE = classes()
            .that().areAnnotatedWith(SqlByDesign.class).and().resideOutsideOfPackage("..booking.inventory..")
            .should(beUsedOnlyWithinTheirFeature())
            .because("order checks a hold out through HoldCheckout, not through Holds or HoldReleaser")
            .allowEmptyShould(false);

    /** The web edge is a leaf: controllers and payloads use the features, never the reverse. */
    static final ArchRule WEB_IS_THE_EDGE = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..booking..web..")
            .because("a feature returns its own types and the edge maps them to records")
            .allowEmptyShould(false);

    /**
     * Booking's infrastructure (settings, problem types, the outbox of its events, the object store) serves every
     * feature, and knows none.
     */
    static final ArchRule INFRASTRUCTURE_KNOWS_NO_FEATURE = noClasses()
            .that().resideInAnyPackage("..booking.system..", "..booking.messaging..", "..booking.storage..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .allowEmptyShould(false);

    static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BOOKING);
        assertThat(production).as("booking's production classes").hasSizeGreaterThan(100);
    }

    @Test
    void featuresAreFreeOfCycles() {
        FEATURES_FREE_OF_CYCLES.check(production);
    }

    @Test
    void inventoryKnowsNeitherHoldsNorOrders() {
        INVENTORY_KNOWS_NO_SALE.check(production);
    }

    @Test
    void handWrittenSqlStaysInItsFeature() {
        SQL_STAYS_IN_ITS_FEATURE.check(production);
    }

    @Test
    void webIsTheEdge() {
        WEB_IS_THE_EDGE.check(production);
    }

    @Test
    void infrastructureKnowsNoFeature() {
        INFRASTRUCTURE_KNOWS_NO_FEATURE.check(production);
    }

    private static String[] without(String... allowed) {
        return Arrays.stream(FEATURES).filter(f -> !List.of(allowed).contains(f))
                .toArray(String[]::new);
    }

    /** The feature a class belongs to: the first package segment under booking (empty for booking's own root). */
    private static Optional<String> feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(BOOKING + ".")) {
            return Optional.empty();
        }
        String rest = name.substring(BOOKING.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static ArchCondition<JavaClass> beUsedOnlyWithinTheirFeature() {
        return new ArchCondition<>("be used only within their feature") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Optional<String> own = feature(type);
                for (Dependency dependency : type.getDirectDependenciesToSelf()) {
                    JavaClass user = dependency.getOriginClass();
                    if (!feature(user).equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
