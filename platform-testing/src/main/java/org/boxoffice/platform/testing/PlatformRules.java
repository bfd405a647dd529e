package org.boxoffice.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.conditions.ArchConditions;

/**
 * One way per concern (docs/architecture.md, "One way to do each thing"), as architecture rules every service checks
 * over its production classes with {@link #check(String)}, beside {@link DataAccessRules}.
 */
public final class PlatformRules {

    /** Where the one {@link Clock} bean is made. */
    static final String CLOCK_PACKAGE = "org.boxoffice.platform.time..";

    /**
     * Time comes from the {@link Clock} bean ({@code org.boxoffice.platform.time}): no class asks the system for the
     * time on its own, so a test can move time for all of them at once.
     */
    public static final ArchRule TIME_FROM_THE_CLOCK = noClasses()
            .that().resideOutsideOfPackage(CLOCK_PACKAGE)
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .because("time comes from the Clock bean (org.boxoffice.platform.time): inject java.time.Clock")
            .allowEmptyShould(true);

    /** Resilience4j's factories that make a breaker (or a registry of them) outside the service's registry. */
    private static final Set<String> BREAKER_FACTORIES = Set.of(
            "io.github.resilience4j.circuitbreaker.CircuitBreaker.of",
            "io.github.resilience4j.circuitbreaker.CircuitBreaker.ofDefaults",
            "io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.of",
            "io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.ofDefaults");

    /**
     * Circuit breakers come from the service's one {@code CircuitBreakerRegistry} (resilience4j-spring-boot4):
     * configured by {@code resilience4j.circuitbreaker.*} properties, exported as metrics and on the actuator. A
     * breaker made with {@code CircuitBreaker.of} has neither.
     */
    public static final ArchRule BREAKERS_FROM_THE_REGISTRY = noClasses()
            .should().callMethodWhere(DescribedPredicate.describe(
                    "CircuitBreaker.of/ofDefaults or CircuitBreakerRegistry.of/ofDefaults",
                    (JavaMethodCall call) -> BREAKER_FACTORIES.contains(
                            call.getTargetOwner().getName() + "." + call.getName())))
            .because("a breaker comes from the service's CircuitBreakerRegistry bean: inject it and call "
                    + "circuitBreaker(name), configured under resilience4j.circuitbreaker.instances")
            .allowEmptyShould(true);

    /** Spring's template APIs, which JdbcClient fronts. */
    private static final Set<String> JDBC_TEMPLATES = Set.of(
            "org.springframework.jdbc.core.JdbcTemplate",
            "org.springframework.jdbc.core.JdbcOperations",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations");

    /**
     * One JDBC API: statements go through {@code JdbcClient}. The one exception is what JdbcClient cannot do, a
     * statement batch: a class may make a {@code JdbcTemplate} and call its {@code batchUpdate} (the outbox relay marks
     * a batch of events published that way), and nothing else of it.
     */
    public static final ArchRule ONE_JDBC_API = noClasses()
            .should().callMethodWhere(DescribedPredicate.describe(
                    "a JdbcTemplate or NamedParameterJdbcTemplate method other than batchUpdate",
                    (JavaMethodCall call) -> JDBC_TEMPLATES.contains(call.getTargetOwner().getName())
                            && !call.getName().equals("batchUpdate")))
            .because("SQL goes through JdbcClient (jdbc.sql(...).params(...).query/update); JdbcTemplate only for "
                    + "what JdbcClient cannot do, a statement batch (batchUpdate)")
            .allowEmptyShould(true);

    /**
     * Periodic work extends {@code org.boxoffice.platform.background.BackgroundTask} (one virtual thread per task, so
     * rounds never overlap; an initial delay and an interval; a stop that waits for the round in progress), never
     * {@code @Scheduled}, which would be a second mechanism with other threads and other shutdown behaviour.
     */
    public static final ArchRule PERIODIC_WORK_BY_BACKGROUND_TASK = noMethods()
            .should().beAnnotatedWith("org.springframework.scheduling.annotation.Scheduled")
            .orShould().beAnnotatedWith("org.springframework.scheduling.annotation.Schedules")
            .because("periodic work extends org.boxoffice.platform.background.BackgroundTask (runOnce, an interval, "
                    + "an optional initial delay), the platform's one way to repeat work")
            .allowEmptyShould(true);

    /** Without {@code @Scheduled} there is nothing to enable: a service does not switch Spring's scheduling on. */
    public static final ArchRule NO_SPRING_SCHEDULING = noClasses()
            .should().beAnnotatedWith("org.springframework.scheduling.annotation.EnableScheduling")
            .because("periodic work extends BackgroundTask, which needs no scheduler")
            .allowEmptyShould(true);

    /** The event bus, the one reader of an event's envelope. */
    static final String EVENTS_PACKAGE = "org.boxoffice.platform.events..";

    private static final String EVENT_ENVELOPE = "org.boxoffice.platform.events.EventEnvelope";

    /**
     * Events are handled by typed handlers: an {@code EventHandler} registers one lambda per event record
     * ({@code on(OrderConfirmed.class, order -> ...)}), and the bus reads the payload into that record. No class
     * outside {@code org.boxoffice.platform.events} reads an envelope's type string or raw payload, which is what
     * switching on type strings and reading payloads by hand takes.
     */
    public static final ArchRule EVENTS_BY_TYPED_HANDLERS = noClasses()
            .that().resideOutsideOfPackage(EVENTS_PACKAGE)
            .should().callMethod(EVENT_ENVELOPE, "type")
            .orShould().callMethod(EVENT_ENVELOPE, "payload")
            .because("an event handler extends EventHandler and registers on(TheEvent.class, event -> ...) per event "
                    + "record: the bus matches the type and reads the payload into the record (docs/events.md)")
            .allowEmptyShould(true);

    /** Where work is tied to a transaction's commit. */
    static final String TRANSACTION_PHASES_PACKAGE = "org.boxoffice.platform.transaction..";

    /**
     * Work at commit goes through {@code org.boxoffice.platform.transaction.TransactionPhases} (after commit, once per
     * transaction, or just before commit), not through a {@code TransactionSynchronization} registered by hand, which
     * every class did a little differently (with or without a transaction, once or per call).
     */
    public static final ArchRule COMMIT_HOOKS_BY_TRANSACTION_PHASES = noClasses()
            .that().resideOutsideOfPackage(TRANSACTION_PHASES_PACKAGE)
            .should().callMethodWhere(DescribedPredicate.describe(
                    "TransactionSynchronizationManager.registerSynchronization",
                    (JavaMethodCall call) -> call.getTargetOwner().getName().equals(
                            "org.springframework.transaction.support.TransactionSynchronizationManager")
                            && call.getName().equals("registerSynchronization")))
            .orShould().dependOnClassesThat().haveFullyQualifiedName(
                    "org.springframework.transaction.event.TransactionalEventListener")
            .because("work at commit goes through TransactionPhases.afterCommit/afterCommitOnce/beforeCommit "
                    + "(org.boxoffice.platform.transaction)")
            .allowEmptyShould(true);

    /** Where the one admin check lives: {@code CurrentUser.requireAdmin} and its {@code AdminRequired}. */
    static final String SECURITY_PACKAGE = "org.boxoffice.platform.security..";

    private static final String CURRENT_USER = "org.boxoffice.platform.security.CurrentUser";
    private static final String PROBLEM_EXCEPTION = "org.boxoffice.platform.problem.ProblemException";

    /** A method that asks {@code CurrentUser.isAdmin()} and throws: an admin check of its own. */
    private static final ArchCondition<JavaClass> REFUSE_NON_ADMINS_THEMSELVES = new ArchCondition<>(
            "refuse a caller who is not an admin themselves (call CurrentUser.isAdmin() and throw in one method)") {

        @Override
        public void check(JavaClass javaClass, ConditionEvents events) {
            for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                boolean asksIsAdmin = unit.getMethodCallsFromSelf().stream().anyMatch(call -> call.getName()
                        .equals("isAdmin") && call.getTargetOwner().getName().equals(CURRENT_USER));
                unit.getConstructorCallsFromSelf().stream()
                        .filter(call -> asksIsAdmin && call.getTargetOwner().isAssignableTo(Throwable.class))
                        .findFirst()
                        .ifPresent(thrown -> events.add(SimpleConditionEvent.satisfied(unit, unit.getDescription()
                                + " calls CurrentUser.isAdmin() and constructs " + thrown.getTargetOwner().getName()
                                + " in " + unit.getSourceCodeLocation())));
            }
        }
    };

    /**
     * The admin rule is the platform's: an admin-only action calls {@code CurrentUser.requireAdmin(action)}, which
     * refuses everyone else with the one {@code AdminRequired} ({@code 403 forbidden}, {@code requiredRole: "ADMIN"}).
     * No class outside {@code org.boxoffice.platform.security} asks {@code isAdmin()} to throw an exception of its
     * own, or declares a problem named for admins; {@code isAdmin()} stays for choosing what a caller sees.
     */
    public static final ArchRule ADMIN_RULE_FROM_THE_PLATFORM = noClasses()
            .that().resideOutsideOfPackage(SECURITY_PACKAGE)
            .should(REFUSE_NON_ADMINS_THEMSELVES)
            .orShould(ArchConditions.be(JavaClass.Predicates.assignableTo(PROBLEM_EXCEPTION)
                    .and(JavaClass.Predicates.simpleNameContaining("Admin")).as("a ProblemException named *Admin*")))
            .because("an admin-only action calls CurrentUser.requireAdmin(\"what it does\"), the platform's one admin "
                    + "check and its one problem (AdminRequired: 403 forbidden, requiredRole ADMIN)")
            .allowEmptyShould(true);

    /** The rules together. */
    public static final ArchRule ALL = CompositeArchRule.of(TIME_FROM_THE_CLOCK).and(BREAKERS_FROM_THE_REGISTRY)
            .and(EVENTS_BY_TYPED_HANDLERS)
            .and(ONE_JDBC_API).and(PERIODIC_WORK_BY_BACKGROUND_TASK).and(NO_SPRING_SCHEDULING)
            .and(COMMIT_HOOKS_BY_TRANSACTION_PHASES).and(ADMIN_RULE_FROM_THE_PLATFORM);

    private PlatformRules() {
    }

    /**
     * Checks {@link #ALL} over the production classes under {@code basePackage} (tests excluded) and throws an
     * {@link AssertionError} listing every violation.
     */
    public static void check(String basePackage) {
        ALL.check(production(basePackage));
    }

    static JavaClasses production(String basePackage) {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        if (production.isEmpty()) {
            // The rules allow an empty selection, so an import that found nothing would pass them silently.
            throw new AssertionError("No production classes found under " + basePackage);
        }
        return production;
    }
}
