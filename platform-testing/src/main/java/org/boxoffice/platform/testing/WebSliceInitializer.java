package org.boxoffice.platform.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Validates bearer tokens of a {@link WebSliceTest} against {@link TestJwks}, as every integration test does. */
public class WebSliceInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        InfrastructureInitializer.trustTestTokens(context.getEnvironment().getPropertySources());
    }
}
