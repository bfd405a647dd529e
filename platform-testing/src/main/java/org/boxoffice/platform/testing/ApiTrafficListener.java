package org.boxoffice.platform.testing;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Fails a test whose requests broke the service's API contract ({@link ApiTraffic}): each test method answers for
 * the requests made while it ran, the class for those made around its methods.
 */
public class ApiTrafficListener extends AbstractTestExecutionListener {

    @Override
    public void beforeTestClass(TestContext testContext) {
        ApiTraffic traffic = traffic(testContext);
        if (traffic != null) {
            traffic.begin(testContext.getTestClass().getSimpleName());
        }
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ApiTraffic traffic = traffic(testContext);
        if (traffic != null) {
            traffic.begin(testContext.getTestClass().getSimpleName() + "." + testContext.getTestMethod().getName());
        }
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        try {
            failOnViolations(testContext,
                    testContext.getTestMethod().isAnnotationPresent(MalformedTrafficOnPurpose.class));
        } finally {
            beforeTestClass(testContext);
        }
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        failOnViolations(testContext, false);
    }

    private static void failOnViolations(TestContext testContext, boolean onPurpose) {
        ApiTraffic traffic = traffic(testContext);
        if (traffic == null) {
            return;
        }
        List<ApiTraffic.Violation> violations = traffic.drainFailures();
        if (!violations.isEmpty() && !onPurpose) {
            throw new AssertionError("""
                    The service answered outside its OpenAPI document (%s; all findings in %s). Document what it \
                    really does (status codes, bodies) or fix the answer:
                    %s""".formatted(ApiTraffic.FAIL_ON_PROPERTY + "=" + traffic.failOn(),
                    ApiTraffic.VIOLATIONS_FILE, violations.stream().map(v -> "  " + v)
                            .collect(Collectors.joining("\n"))));
        }
    }

    private static @Nullable ApiTraffic traffic(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return null;
        }
        return testContext.getApplicationContext().getBeanProvider(ApiTraffic.class).getIfAvailable();
    }

    @Override
    public int getOrder() {
        return 2_200;
    }
}
