package org.boxoffice.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter claims a key in the database before the work starts; a database that cannot be reached then (restarted,
 * failed over) must give the client a 503 to retry, as every other database failure does, not a 500 from the servlet
 * container, and the work must not run. A real driver against a port nothing listens on, no mock.
 */
class IdempotencyFilterTest {

    @Test
    void answersA503WithRetryAfterAndDoesNotRunTheRequestWhenTheDatabaseCannotBeReached() throws Exception {
        DriverManagerDataSource nowhere = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:1/boxoffice?connectTimeout=2", "postgres", "");
        IdempotencyRecords records = new IdempotencyRecords(JdbcClient.create(nowhere),
                new DataSourceTransactionManager(nowhere));
        JsonMapper json = JsonMapper.builder().build();
        IdempotencyFilter filter = new IdempotencyFilter(records, json, Clock.systemUTC(), Duration.ofMinutes(1),
                List.of(), List.of());
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/holds");
        request.addHeader(IdempotencyFilter.HEADER, "3f1c9a56-0b7e-4f0e-9a57-6d2f4c1e8b21");
        request.setContentType("application/json");
        request.setContent("{\"eventId\":\"e\"}".getBytes());
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("the request did not run").isNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(json.readTree(response.getContentAsString()).get("type").asString())
                .isEqualTo("https://boxoffice.dev/problems/service-unavailable");
    }
}
