package org.boxoffice.platform.testing;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;

/** A service's controller methods by route, read from its handler mapping, for {@link OpenApiContract}. */
final class HandlerRoutes {

    private HandlerRoutes() {
    }

    record Route(String method, String path) {
    }

    /** The service's controller methods by method and path pattern, from the servlet or the reactive handler mapping. */
    static Map<Route, HandlerMethod> of(ApplicationContext context) {
        Map<Route, HandlerMethod> routes = new LinkedHashMap<>();
        Object mapping = context.getBean("requestMappingHandlerMapping");
        Map<?, ?> methods = (Map<?, ?>) invoke(mapping, "getHandlerMethods");
        methods.forEach((info, handler) -> {
            Object patterns = hasMethod(info, "getPatternValues") ? invoke(info, "getPatternValues")
                    : invoke(invoke(info, "getPatternsCondition"), "getPatterns");
            Set<?> verbs = (Set<?>) invoke(invoke(info, "getMethodsCondition"), "getMethods");
            for (Object pattern : (Set<?>) patterns) {
                for (Object verb : verbs) {
                    routes.put(new Route(verb.toString().toLowerCase(Locale.ROOT), pattern.toString()),
                            (HandlerMethod) handler);
                }
            }
        });
        return routes;
    }

    private static boolean hasMethod(Object target, String method) {
        return Arrays.stream(target.getClass().getMethods()).anyMatch(candidate -> candidate.getName().equals(method));
    }

    private static Object invoke(Object target, String method) {
        try {
            Method getter = target.getClass().getMethod(method);
            getter.setAccessible(true);
            return getter.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(target.getClass() + " has no " + method, e);
        }
    }

    /** A handler that builds its own ResponseEntity decides the status in code, so it must declare it. */
    static boolean choosesItsStatus(HandlerMethod handler) {
        ResolvableType type = ResolvableType.forMethodReturnType(handler.getMethod());
        if (type.getRawClass() != null && type.getRawClass().getName().equals("reactor.core.publisher.Mono")) {
            type = type.getGeneric(0);
        }
        return type.getRawClass() != null && ResponseEntity.class.isAssignableFrom(type.getRawClass());
    }
}
