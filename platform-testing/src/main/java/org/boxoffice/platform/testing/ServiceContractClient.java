package org.boxoffice.platform.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * The running service that a {@link ServiceContract} checks: its name, its schema, its application context, and
 * requests to its API and management ports. The checks themselves are in the subclasses, one group each.
 */
public abstract class ServiceContractClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    final String applicationName;
    final @Nullable String schema;

    @Value("${local.server.port}")
    private int port;
    /** Probes and metrics: the management port where a service has one of its own (the gateway), else the same. */
    @Value("${local.management.port:${local.server.port}}")
    private int managementPort;

    @Autowired
    ApplicationContext context;

    /** @param schema the PostgreSQL schema the service owns, or null for a service without a database */
    protected ServiceContractClient(String applicationName, @Nullable String schema) {
        this.applicationName = applicationName;
        this.schema = schema;
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A GET on the management port (probes, metrics). */
    protected HttpResponse<String> management(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).GET().build());
    }

    protected HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    boolean hasBean(String typeName) {
        if (!ClassUtils.isPresent(typeName, getClass().getClassLoader())) {
            return false;
        }
        return context.getBeanNamesForType(ClassUtils.resolveClassName(typeName, getClass().getClassLoader())).length > 0;
    }
}
