package org.boxoffice.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class PlatformRulesTest {

    private static final String FIXTURES = "org.boxoffice.platform.testing.fixture.";

    @Test
    void rejectsAClassThatAsksTheSystemForTheTime() {
        String failures = failures(PlatformRules.TIME_FROM_THE_CLOCK,
                new ClassFileImporter().importPackages(FIXTURES + "breaking"));

        assertThat(failures).contains("SelfTimedTickets.expired(java.time.Instant)").contains("Instant.now()");
        assertThat(failures).contains("SelfTimedTickets.<init>()").contains("Clock.systemUTC()");
    }

    @Test
    void rejectsABreakerMadeOutsideTheRegistry() {
        String failures = failures(PlatformRules.BREAKERS_FROM_THE_REGISTRY,
                new ClassFileImporter().importPackages(FIXTURES + "breaking"));

        assertThat(failures).contains("HandMadeBreaker.<init>()").contains("CircuitBreaker.ofDefaults(java.lang.String)");
    }

    @Test
    void rejectsAQueryThroughJdbcTemplate() {
        String failures = failures(PlatformRules.ONE_JDBC_API,
                new ClassFileImporter().importPackages(FIXTURES + "breaking"));

        assertThat(failures).contains("TemplateQueries.count()").contains("JdbcTemplate.queryForObject");
    }

    @Test
    void acceptsJdbcClientAndATemplatesStatementBatch() {
        JavaClasses following = new ClassFileImporter().importPackages(FIXTURES + "following");
        assertThat(following.contain(FIXTURES + "following.TicketBatches")).isTrue();

        PlatformRules.ONE_JDBC_API.check(following);
    }

    @Test
    void rejectsScheduledMethodsAndSpringsScheduling() {
        JavaClasses breaking = new ClassFileImporter().importPackages(FIXTURES + "breaking");

        assertThat(failures(PlatformRules.PERIODIC_WORK_BY_BACKGROUND_TASK, breaking))
                .contains("ScheduledSweeps.sweep()").contains("@Scheduled");
        assertThat(failures(PlatformRules.NO_SPRING_SCHEDULING, breaking))
                .contains("ScheduledSweeps").contains("@EnableScheduling");
    }

    @Test
    void acceptsABackgroundTask() {
        JavaClasses following = new ClassFileImporter().importPackages(FIXTURES + "following");
        assertThat(following.contain(FIXTURES + "following.TicketSweeper")).isTrue();

        PlatformRules.PERIODIC_WORK_BY_BACKGROUND_TASK.check(following);
        PlatformRules.NO_SPRING_SCHEDULING.check(following);
    }

    @Test
    void rejectsAClassThatReadsAnEventsTypeStringOrRawPayload() {
        String failures = failures(PlatformRules.EVENTS_BY_TYPED_HANDLERS,
                new ClassFileImporter().importPackages(FIXTURES + "breaking"));

        assertThat(failures).contains("StringSwitchedEvents.describe(org.boxoffice.platform.events.EventEnvelope)")
                .contains("EventEnvelope.type()").contains("EventEnvelope.payload()");
    }

    @Test
    void acceptsATypedEventHandler() {
        JavaClasses following = new ClassFileImporter().importPackages(FIXTURES + "following");
        assertThat(following.contain(FIXTURES + "following.TicketEvents")).isTrue();

        PlatformRules.EVENTS_BY_TYPED_HANDLERS.check(following);
    }

    @Test
    void rejectsACommitHookRegisteredByHand() {
        String failures = failures(PlatformRules.COMMIT_HOOKS_BY_TRANSACTION_PHASES,
                new ClassFileImporter().importPackages(FIXTURES + "breaking"));

        assertThat(failures).contains("HandMadeCommitHook.forgetCachedTickets(java.lang.Runnable)")
                .contains("registerSynchronization");
    }

    @Test
    void acceptsCommitHooksThroughTransactionPhases() {
        JavaClasses following = new ClassFileImporter().importPackages(FIXTURES + "following");
        assertThat(following.contain(FIXTURES + "following.CommittedTickets")).isTrue();

        PlatformRules.COMMIT_HOOKS_BY_TRANSACTION_PHASES.check(following);
    }

    @Test
    void rejectsAnAdminCheckOfItsOwnAndAProblemNamedForAdmins() {
        String failures = failures(PlatformRules.ADMIN_RULE_FROM_THE_PLATFORM,
                new ClassFileImporter().importPackages(FIXTURES + "breaking"));

        assertThat(failures).contains("SelfCheckedAdmin.refund(org.boxoffice.platform.security.CurrentUser)")
                .contains("CurrentUser.isAdmin()")
                .contains("constructs " + FIXTURES + "breaking.SelfCheckedAdmin$TicketsAdminOnly");
        assertThat(failures).contains("SelfCheckedAdmin$TicketsAdminOnly").contains("a ProblemException named *Admin*");
    }

    @Test
    void acceptsTheAdminCheckThroughCurrentUserAndIsAdminForWhatACallerSees() {
        JavaClasses following = new ClassFileImporter().importPackages(FIXTURES + "following");
        assertThat(following.contain(FIXTURES + "following.AdminTickets")).isTrue();

        PlatformRules.ADMIN_RULE_FROM_THE_PLATFORM.check(following);
    }

    @Test
    void acceptsTheInjectedClockTheRegistrysBreakersJdbcClientAndBackgroundTasks() {
        PlatformRules.ALL.check(new ClassFileImporter().importPackages(FIXTURES + "following"));
    }

    /** The runtime code of platform-support; the test support (this module) and the launcher are tools, not services. */
    @Test
    void platformSupportFollowsTheRulesItself() {
        JavaClasses runtime = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/org/boxoffice/platform/testing/")
                        && !location.contains("/org/boxoffice/platform/infra/")
                        && !location.contains("/org/boxoffice/platform/localrun/"))
                .importPackages("org.boxoffice.platform");
        assertThat(runtime.contain("org.boxoffice.platform.events.OutboxRelay")).isTrue();

        PlatformRules.ALL.check(runtime);
    }

    /** The runtime and the launcher keep their classes within the size every service keeps (ClassSize). */
    @Test
    void platformSupportAndTheLauncherKeepEveryMainClassWithin250Lines() {
        ClassSize.check(Path.of("../platform-support/src/main/java"));
        ClassSize.check(Path.of("../platform-launcher/src/main/java"));
    }

    @Test
    void refusesToPassWhenItFindsNoClasses() {
        assertThatThrownBy(() -> PlatformRules.check("org.boxoffice.nosuchservice"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No production classes");
    }

    private static String failures(ArchRule rule, JavaClasses classes) {
        var result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as("%s finds a violation", rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
