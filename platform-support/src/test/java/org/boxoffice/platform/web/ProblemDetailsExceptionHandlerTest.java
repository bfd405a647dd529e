package org.boxoffice.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProblemDetailsExceptionHandlerTest {

    record SeatRequest(@NotBlank String section, @Positive int quantity) {
    }

    static final class SeatsUnavailable extends ProblemException {
        SeatsUnavailable(String seat) {
            super(new ProblemType("seats-unavailable", "Seats unavailable", 409), "Seat " + seat + " is already held.");
            with("seats", java.util.List.of(seat));
        }
    }

    @RestController
    static class SampleController {
        @PostMapping("/seats")
        String hold(@Valid @RequestBody SeatRequest request) {
            return "ok";
        }

        @GetMapping("/events/{id}")
        String event(@PathVariable long id, @RequestParam(defaultValue = "0") int page) {
            return "event " + id;
        }

        @GetMapping("/search")
        String search(@RequestParam String q) {
            return q;
        }

        @GetMapping("/signed")
        String signed(@RequestHeader("X-Signature") String signature) {
            return signature;
        }

        @GetMapping("/tagged")
        String tagged(@RequestParam(name = "tag") java.util.List<String> tags, @RequestParam(defaultValue = "0") int page) {
            return tags.size() + " tags, page " + page;
        }

        @GetMapping("/taken")
        String taken() {
            throw new SeatsUnavailable("A-1-3");
        }

        @GetMapping("/stale")
        String stale() {
            throw new ObjectOptimisticLockingFailureException("Organization", "d3000000-0000-4000-8000-000000000001");
        }

        @GetMapping("/too-long")
        String tooLong() {
            throw new org.springframework.dao.DataIntegrityViolationException("could not execute statement",
                    new java.sql.SQLException("ERROR: value too long for type character varying(100)", "22001"));
        }

        @GetMapping("/undecodable")
        String undecodable() {
            throw new org.apache.tomcat.util.http.InvalidParameterException("Character decoding failed. Parameter [page] "
                    + "with value [\uFFFD] has been ignored.");
        }

        @GetMapping("/method-validated")
        String methodValidated() {
            var validator = jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();
            throw new jakarta.validation.ConstraintViolationException(validator.forExecutables().validateParameters(
                    this, pageMethod(), new Object[] { -1 }));
        }

        public String page(@jakarta.validation.constraints.Min(0) int page) {
            return "page " + page;
        }

        private static java.lang.reflect.Method pageMethod() {
            try {
                return SampleController.class.getMethod("page", int.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        /** What a commit meets when PostgreSQL restarts under it (seen in the chaos run, issue #18). */
        @GetMapping("/database-restarted")
        String databaseRestarted() {
            throw new org.springframework.dao.DataAccessResourceFailureException(
                    "Hibernate transaction: Unable to commit against JDBC Connection",
                    new java.sql.SQLException("FATAL: terminating connection due to administrator command "
                            + "(host secret-host)", "57P01"));
        }

        /** What a checkout met when PostgreSQL restarted under its transaction and the rollback found it closed. */
        @GetMapping("/rollback-failed")
        String rollbackFailed() {
            throw new org.springframework.transaction.TransactionSystemException("Unable to rollback against JDBC "
                    + "Connection", new java.sql.SQLException("Connection is closed"));
        }

        /** What a request meets when the pool has no connection within its wait. */
        @GetMapping("/pool-exhausted")
        String poolExhausted() {
            throw new org.springframework.transaction.CannotCreateTransactionException("Could not open JDBC Connection",
                    new java.sql.SQLTransientConnectionException(
                            "HikariPool-1 - Connection is not available, request timed out after 30000ms"));
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("connection pool secret-host:5432 exhausted");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SampleController())
            .setControllerAdvice(new ProblemDetailsExceptionHandler())
            .build();

    @Test
    void namesEveryInvalidFieldOfABody() throws Exception {
        mvc.perform(post("/seats").contentType(MediaType.APPLICATION_JSON).content("{\"section\":\"\",\"quantity\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[?(@.field == 'quantity')].message").value("must be greater than 0"))
                .andExpect(jsonPath("$.errors[?(@.field == 'section')]").exists());
    }

    @Test
    void rejectsMalformedJson() throws Exception {
        mvc.perform(post("/seats").contentType(MediaType.APPLICATION_JSON).content("{\"section\": \"A\","))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/malformed-request"))
                .andExpect(jsonPath("$.detail").value("The request body is not valid JSON."));
    }

    @Test
    void namesANumberTooLargeForItsField() throws Exception {
        mvc.perform(post("/seats").contentType(MediaType.APPLICATION_JSON).content("{\"section\":\"A\",\"quantity\":2147483648}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/malformed-request"))
                .andExpect(jsonPath("$.detail").value("Field 'quantity' is out of range for an integer."));
    }

    @Test
    void answersAValueTheDatabaseRefusesWith400NotA500() throws Exception {
        mvc.perform(get("/too-long"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/invalid-value"))
                .andExpect(jsonPath("$.detail").value("A value is longer than the service accepts."))
                .andExpect(content().string(not(containsString("varying"))));
    }

    @Test
    void namesAQueryParameterTomcatCouldNotDecode() throws Exception {
        mvc.perform(get("/undecodable"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/invalid-parameter"))
                .andExpect(jsonPath("$.parameter").value("page"))
                .andExpect(jsonPath("$.detail").value("Parameter 'page' is not valid percent-encoded UTF-8."));
    }

    @Test
    void answersMethodValidationWith400NamingTheParameter() throws Exception {
        mvc.perform(get("/method-validated"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void namesAFieldOfTheWrongType() throws Exception {
        mvc.perform(post("/seats").contentType(MediaType.APPLICATION_JSON).content("{\"section\":\"A\",\"quantity\":\"two\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Field 'quantity' must be an integer, got 'two'."));
    }

    @Test
    void refusesANumberOrABooleanWhereTextIsExpected() throws Exception {
        JsonMapper.Builder builder = JsonMapper.builder();
        new WebMvcProblemsAutoConfiguration().textIsNotCoerced().customize(builder);
        MockMvc strict = MockMvcBuilders.standaloneSetup(new SampleController())
                .setControllerAdvice(new ProblemDetailsExceptionHandler())
                .setMessageConverters(new JacksonJsonHttpMessageConverter(builder.build()))
                .build();

        for (String section : new String[] {"7", "7.5", "true"}) {
            strict.perform(post("/seats").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"section\":" + section + ",\"quantity\":1}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/malformed-request"))
                    .andExpect(jsonPath("$.detail").value("Field 'section' must be a string, got '" + section + "'."));
        }
        strict.perform(post("/seats").contentType(MediaType.APPLICATION_JSON).content("{\"section\":\"7\",\"quantity\":1}"))
                .andExpect(status().isOk());
    }

    /** Found by RefundControllerWebTest: a refund of {@code 12.5} minor units went through as 12. */
    @Test
    void refusesAFractionWhereAWholeNumberIsExpectedRatherThanTruncatingIt() throws Exception {
        JsonMapper.Builder builder = JsonMapper.builder();
        new WebMvcProblemsAutoConfiguration().fractionsAreNotTruncated().customize(builder);
        MockMvc strict = MockMvcBuilders.standaloneSetup(new SampleController())
                .setControllerAdvice(new ProblemDetailsExceptionHandler())
                .setMessageConverters(new JacksonJsonHttpMessageConverter(builder.build()))
                .build();

        for (String quantity : new String[] {"2.5", "2.0", "1e0"}) {
            strict.perform(post("/seats").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"section\":\"A\",\"quantity\":" + quantity + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/malformed-request"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Field 'quantity' must be an integer")));
        }
        strict.perform(post("/seats").contentType(MediaType.APPLICATION_JSON).content("{\"section\":\"A\",\"quantity\":2}"))
                .andExpect(status().isOk());
    }

    @Test
    void refusesASingleValuedParameterGivenTwiceButNotAListGivenTwice() throws Exception {
        MockMvc strict = MockMvcBuilders.standaloneSetup(new SampleController())
                .setControllerAdvice(new ProblemDetailsExceptionHandler())
                .addInterceptors(new RepeatedParameters())
                .build();

        strict.perform(get("/events/7").queryParam("page", "0", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/invalid-parameter"))
                .andExpect(jsonPath("$.parameter").value("page"))
                .andExpect(jsonPath("$.detail").value("Parameter 'page' takes one value but was given 2 times."));
        strict.perform(get("/tagged").queryParam("tag", "rock", "jazz").queryParam("page", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string("2 tags, page 1"));
        strict.perform(get("/tagged").queryParam("tag", "rock").queryParam("page", "1", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("page"));
    }

    @Test
    void rejectsAMissingBody() throws Exception {
        mvc.perform(post("/seats").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/malformed-request"));
    }

    @Test
    void namesAPathVariableOfTheWrongType() throws Exception {
        mvc.perform(get("/events/seven"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/invalid-parameter"))
                .andExpect(jsonPath("$.parameter").value("id"))
                .andExpect(jsonPath("$.detail").value("Parameter 'id' must be an integer, got 'seven'."));
    }

    @Test
    void namesAMissingQueryParameter() throws Exception {
        mvc.perform(get("/search"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/invalid-parameter"))
                .andExpect(jsonPath("$.detail", containsString("'q'")))
                .andExpect(jsonPath("$.parameter").value("q"));
    }

    @Test
    void namesAMissingHeader() throws Exception {
        mvc.perform(get("/signed"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/invalid-parameter"))
                .andExpect(jsonPath("$.parameter").value("X-Signature"));
    }

    @Test
    void rendersAServiceProblemWithItsTypeAndExtensions() throws Exception {
        mvc.perform(get("/taken"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/seats-unavailable"))
                .andExpect(jsonPath("$.title").value("Seats unavailable"))
                .andExpect(jsonPath("$.detail").value("Seat A-1-3 is already held."))
                .andExpect(jsonPath("$.seats[0]").value("A-1-3"));
    }

    @Test
    void tellsTheLoserOfTwoConcurrentWritersToReadAgainWithA409() throws Exception {
        mvc.perform(get("/stale"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/concurrent-update"))
                .andExpect(content().string(not(containsString("Organization"))));
    }

    @Test
    void hidesTheInternalsOfAnUnexpectedError() throws Exception {
        mvc.perform(get("/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/internal-error"))
                .andExpect(content().string(not(containsString("secret-host"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    void answersADatabaseThatWentAwayWith503AndRetryAfterNotA500() throws Exception {
        for (String path : new String[] {"/database-restarted", "/rollback-failed", "/pool-exhausted"}) {
            mvc.perform(get(path))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "2"))
                    .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/service-unavailable"))
                    .andExpect(jsonPath("$.retryAfterSeconds").value(2))
                    .andExpect(content().string(not(containsString("secret-host"))))
                    .andExpect(content().string(not(containsString("Hikari"))));
        }
    }

    @Test
    void answersAWrongMethodWith405() throws Exception {
        mvc.perform(delete("/seats"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/method-not-allowed"));
    }

    @Test
    void answersAnUnsupportedContentTypeWith415() throws Exception {
        mvc.perform(post("/seats").contentType(MediaType.TEXT_PLAIN).content("A,2"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/unsupported-media-type"));
    }
}
