package org.boxoffice.platform.testing;

import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Puts {@link ApiTraffic} in front of the service under an {@link IntegrationTest}, servlet or reactive: chosen by
 * class name so that a service loads nothing of the web stack it does not have.
 */
public class ApiTrafficValidation implements ImportSelector {

    @Override
    public String[] selectImports(AnnotationMetadata importingClassMetadata) {
        ClassLoader loader = getClass().getClassLoader();
        if (ClassUtils.isPresent("jakarta.servlet.Filter", loader)
                && ClassUtils.isPresent("org.springdoc.webmvc.api.OpenApiWebMvcResource", loader)) {
            return new String[] { "org.boxoffice.platform.testing.ServletApiTraffic" };
        }
        if (ClassUtils.isPresent("org.springframework.web.server.WebFilter", loader)
                && ClassUtils.isPresent("org.springdoc.webflux.api.OpenApiWebfluxResource", loader)) {
            return new String[] { "org.boxoffice.platform.testing.ReactiveApiTraffic" };
        }
        return new String[0];
    }
}
