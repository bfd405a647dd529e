package org.boxoffice.platform.web;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request parameter given more than once where the operation takes a single value: Spring would bind the
 * first ({@code ?page=0&page=-1} read as page 0) and quietly drop the rest, so the client's mistake would go unseen.
 * A parameter bound to an array or a collection may repeat. Which parameters are single-valued is worked out once per
 * handler method, from its {@link RequestParam @RequestParam}s.
 */
final class RepeatedParameters implements HandlerInterceptor {

    private final Map<Method, Set<String>> singleValued = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        for (String name : singleValued.computeIfAbsent(method.getMethod(), m -> singleValued(method))) {
            String[] values = request.getParameterValues(name);
            if (values != null && values.length > 1) {
                throw new RepeatedParameter(name, values.length);
            }
        }
        return true;
    }

    private static Set<String> singleValued(HandlerMethod method) {
        Set<String> names = new LinkedHashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            if (param == null || type.isArray() || Collection.class.isAssignableFrom(type)
                    || Map.class.isAssignableFrom(type)) {
                continue;
            }
            String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
            if (name != null) {
                names.add(name);
            }
        }
        return Set.copyOf(names);
    }

    static final class RepeatedParameter extends ProblemException {

        RepeatedParameter(String name, int times) {
            super(ProblemType.INVALID_PARAMETER,
                    "Parameter '" + name + "' takes one value but was given " + times + " times.");
            with("parameter", name);
        }
    }
}
