package org.boxoffice.platform.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reactivestreams.Publisher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reactive edge of {@link ApiTraffic} (the gateway): a web filter before every other one that checks the
 * exchanges the application answers itself; API paths its document does not list are routed to the services and
 * checked there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class ReactiveApiTraffic {

    @Bean
    ApiTraffic apiTraffic(Environment environment) {
        return new ApiTraffic(() -> ApiTraffic.servedDocument(environment.getProperty("local.server.port")),
                environment.getProperty(ApiTraffic.FAIL_ON_PROPERTY, ApiTraffic.DEFAULT_FAIL_ON), false);
    }

    @Bean
    WebFilter apiTrafficWebFilter(ApiTraffic traffic) {
        return new ApiTrafficWebFilter(traffic);
    }

    static final class ApiTrafficWebFilter implements WebFilter, Ordered {

        private final ApiTraffic traffic;

        ApiTrafficWebFilter(ApiTraffic traffic) {
            this.traffic = traffic;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            ServerHttpRequest request = exchange.getRequest();
            if (!ApiTraffic.covers(request.getPath().value())) {
                return chain.filter(exchange);
            }
            ByteArrayOutputStream requestBody = new ByteArrayOutputStream();
            ServerHttpRequest recordedRequest = new ServerHttpRequestDecorator(request) {
                @Override
                public Flux<DataBuffer> getBody() {
                    return super.getBody().doOnNext(buffer -> copy(buffer, requestBody));
                }
            };
            ServerHttpResponse recordedResponse = new ServerHttpResponseDecorator(exchange.getResponse()) {
                @Override
                public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                    return DataBufferUtils.join(body).flatMap(joined -> {
                        ByteArrayOutputStream answer = new ByteArrayOutputStream();
                        copy(joined, answer);
                        check(request, requestBody, getDelegate(), answer.toByteArray());
                        return super.writeWith(Mono.just(joined));
                    });
                }

                @Override
                public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                    return writeWith(Flux.from(body).flatMapSequential(part -> part));
                }

                @Override
                public Mono<Void> setComplete() {
                    if (!isCommitted()) {
                        check(request, requestBody, getDelegate(), null);
                    }
                    return super.setComplete();
                }
            };
            return chain.filter(exchange.mutate().request(recordedRequest).response(recordedResponse).build());
        }

        private void check(ServerHttpRequest request, ByteArrayOutputStream requestBody, ServerHttpResponse response,
                byte[] answer) {
            int status = response.getStatusCode() == null ? 200 : response.getStatusCode().value();
            byte[] sent;
            synchronized (requestBody) {
                sent = requestBody.toByteArray();
            }
            traffic.check(new ApiTraffic.Exchange(request.getMethod().name(), request.getPath().value(),
                    request.getURI().getRawQuery(), headers(request.getHeaders()), sent, status,
                    headers(response.getHeaders()), answer));
        }

        private static Map<String, List<String>> headers(HttpHeaders headers) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            return copy;
        }

        private static void copy(DataBuffer buffer, ByteArrayOutputStream target) {
            try (DataBuffer.ByteBufferIterator buffers = buffer.readableByteBuffers()) {
                while (buffers.hasNext()) {
                    ByteBuffer view = buffers.next();
                    byte[] bytes = new byte[view.remaining()];
                    view.get(bytes);
                    synchronized (target) {
                        target.write(bytes, 0, bytes.length);
                    }
                }
            }
        }
    }
}
