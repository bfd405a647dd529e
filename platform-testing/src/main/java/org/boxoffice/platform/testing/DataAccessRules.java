package org.boxoffice.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import java.util.Optional;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import org.boxoffice.platform.data.SqlByDesign;

/**
 * The data-access rule of docs/adr/0001-data-access.md as an architecture test: aggregates go through Spring Data JPA,
 * SQL is written by hand only where it is the point and says so. Every service runs {@link #check(String)} over its own
 * production classes in one small test, so {@code ./mvnw verify} fails on a class that breaks it.
 */
public final class DataAccessRules {

    /**
     * {@code JdbcClient}, {@code JdbcTemplate}, {@code NamedParameterJdbcTemplate} and the rest of Spring's JDBC core
     * (row mappers, their interfaces) are used only in classes marked {@link SqlByDesign}, or nested in one.
     */
    public static final ArchRule SQL_ONLY_BY_DESIGN = noClasses()
            .that(notMarkedSqlByDesign())
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc.core..")
            .because("aggregates are read and written through Spring Data JPA; hand-written SQL states why it is "
                    + "the point with @SqlByDesign (docs/adr/0001-data-access.md)")
            .allowEmptyShould(true);

    /**
     * An entity is never an API payload: no method of a {@code ..web..} class returns one and no {@code ..web..} class
     * (a request or response record) holds one. Mapping an entity to a record at the edge — a controller reading the
     * entity a service returned, a response's {@code of(entity)} factory — is what the edge is for (STYLE.md,
     * spring-restbucks' web layer) and is allowed.
     */
    public static final ArchRule NO_ENTITY_IN_API_PAYLOADS = noMethods()
            .that().areDeclaredInClassesThat().resideInAPackage("..web..")
            .should().haveRawReturnType(CanBeAnnotated.Predicates.annotatedWith("jakarta.persistence.Entity"))
            .because("an entity is never an API payload: the edge maps it to a record")
            .allowEmptyShould(true);

    /** The second half of {@link #NO_ENTITY_IN_API_PAYLOADS}: no request or response record holds an entity. */
    public static final ArchRule NO_ENTITY_IN_WEB_RECORDS = noFields()
            .that().areDeclaredInClassesThat().resideInAPackage("..web..")
            .should().haveRawType(CanBeAnnotated.Predicates.annotatedWith("jakarta.persistence.Entity"))
            .because("an entity is never an API payload: the edge maps it to a record")
            .allowEmptyShould(true);

    /** A Spring Data repository is an interface Spring implements, not a class of its own. */
    public static final ArchRule REPOSITORIES_ARE_INTERFACES = classes()
            .that().areAssignableTo("org.springframework.data.repository.Repository")
            .should().beInterfaces()
            .because("hand-written queries live in a @SqlByDesign fragment, not in a repository class")
            .allowEmptyShould(true);

    /** The rules together. */
    public static final ArchRule ALL = CompositeArchRule.of(SQL_ONLY_BY_DESIGN)
            .and(NO_ENTITY_IN_API_PAYLOADS)
            .and(NO_ENTITY_IN_WEB_RECORDS)
            .and(REPOSITORIES_ARE_INTERFACES);

    private DataAccessRules() {
    }

    /**
     * Checks {@link #ALL} over the production classes under {@code basePackage} (tests excluded) and throws an
     * {@link AssertionError} listing every violation.
     */
    public static void check(String basePackage) {
        ALL.check(PlatformRules.production(basePackage));
    }

    /** Neither marked {@link SqlByDesign} itself nor nested (records, row mappers) in a class that is. */
    private static DescribedPredicate<JavaClass> notMarkedSqlByDesign() {
        return DescribedPredicate.describe("are not marked @SqlByDesign (nor nested in a class that is)", type -> {
            for (Optional<JavaClass> c = Optional.of(type); c.isPresent(); c = c.get().getEnclosingClass()) {
                if (c.get().isAnnotatedWith(SqlByDesign.class)) {
                    return false;
                }
            }
            return true;
        });
    }
}
