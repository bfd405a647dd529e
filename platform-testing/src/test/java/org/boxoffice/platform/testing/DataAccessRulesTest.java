package org.boxoffice.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class DataAccessRulesTest {

    private static final String FIXTURES = "org.boxoffice.platform.testing.fixture.";

    private final JavaClasses breaking = new ClassFileImporter().importPackages(FIXTURES + "breaking");
    private final JavaClasses following = new ClassFileImporter().importPackages(FIXTURES + "following");

    @Test
    void rejectsJdbcInAClassNotMarkedSqlByDesign() {
        assertThat(failures(DataAccessRules.SQL_ONLY_BY_DESIGN, breaking))
                .contains("fixture.breaking.TicketQueries")
                .contains("JdbcClient");
    }

    @Test
    void rejectsAnEntityAnsweredByTheWebLayer() {
        assertThat(failures(DataAccessRules.NO_ENTITY_IN_API_PAYLOADS, breaking))
                .contains("fixture.breaking.web.TicketController.show()")
                .contains("raw return type annotated with @Entity");
    }

    @Test
    void rejectsAnEntityHeldByAWebRecord() {
        assertThat(failures(DataAccessRules.NO_ENTITY_IN_WEB_RECORDS, breaking))
                .contains("fixture.breaking.web.TicketResponse.ticket")
                .contains("raw type annotated with @Entity");
    }

    @Test
    void rejectsARepositoryWrittenAsAClass() {
        assertThat(failures(DataAccessRules.REPOSITORIES_ARE_INTERFACES, breaking))
                .contains("fixture.breaking.ClassRepository");
    }

    @Test
    void acceptsMarkedSqlItsNestedMappersRepositoryInterfacesAndRecordsAtTheEdge() {
        DataAccessRules.ALL.check(following);
    }

    @Test
    void platformSupportFollowsTheRuleItself() {
        DataAccessRules.check("org.boxoffice.platform");
    }

    @Test
    void refusesToPassWhenItFindsNoClasses() {
        assertThatThrownBy(() -> DataAccessRules.check("org.boxoffice.nosuchservice"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No production classes");
    }

    private static String failures(ArchRule rule, JavaClasses classes) {
        var result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as("%s finds a violation", rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
