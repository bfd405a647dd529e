package org.boxoffice.booking.hold.web;

import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.boxoffice.booking.admission.AdmissionCheck;
import org.boxoffice.booking.hold.Hold;
import org.boxoffice.booking.hold.HoldItem;
import org.boxoffice.booking.hold.HoldNotFound;
import org.boxoffice.booking.hold.HoldRequest;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.hold.HoldStatus;
import org.boxoffice.booking.hold.SeatsUnavailable;
import org.boxoffice.platform.admission.AdmissionPass;
import org.boxoffice.platform.idempotency.IdempotencyAutoConfiguration;
import org.boxoffice.platform.infra.PostgresServer;
import org.boxoffice.platform.testing.TestInfrastructure;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A buyer's holds at the edge: validation answered as problems naming each field, 401 without a token, another
 * buyer's hold answered as not found, a domain refusal mapped to its problem, the created hold's shape — and the
 * Idempotency-Key in front of the controller: the platform's filter, with its records in a real PostgreSQL schema
 * (the only thing this slice has behind it), replays a retried hold without taking it again and refuses a key reused
 * for another hold.
 */
@WebSliceTest(HoldController.class)
@ImportAutoConfiguration(IdempotencyAutoConfiguration.class)
@TestPropertySource(properties = "boxoffice.db.schema=" + HoldControllerWebTest.SCHEMA)
class HoldControllerWebTest {

    static final String SCHEMA = "hold_web_test";
    private static final String HOLDS = "/api/v1/holds";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private HoldService holds;
    @MockitoBean
    private AdmissionCheck admission;

    private final UUID buyer = UUID.randomUUID();
    private final UUID eventId = UUID.randomUUID();
    private final UUID sectionId = UUID.randomUUID();
    private final List<UUID> seatIds = List.of(UUID.randomUUID(), UUID.randomUUID());

    @Test
    void refusesAHoldWithoutAnEventOrAWayOfHoldingNamingEachFieldAndHoldsNothing() throws Exception {
        http.perform(create(buyer, "{}")).andExpect(fieldsRefused("eventId", "oneKind"));
        http.perform(create(buyer, """
                {"eventId": "%s", "seatIds": [], "generalAdmission": {"sectionId": "%s", "quantity": 0},
                 "accessCode": ""}""".formatted(eventId, sectionId)))
                .andExpect(fieldsRefused("seatIds", "generalAdmission.quantity", "accessCode", "oneKind"));
        http.perform(create(buyer, """
                {"eventId": "%s", "bestAvailable": {"quantity": 101}}""".formatted(eventId)))
                .andExpect(fieldsRefused("bestAvailable.sectionId", "bestAvailable.quantity"));

        verifyNoInteractions(holds, admission);
    }

    @Test
    void refusesAnEventIdThatIsNotAUuidAsAMalformedRequest() throws Exception {
        http.perform(create(buyer, """
                {"eventId": "tonight", "seatIds": ["%s"]}""".formatted(seatIds.get(0))))
                .andExpect(problem(400, "malformed-request"));

        verifyNoInteractions(holds, admission);
    }

    @Test
    void answersACallerWithoutATokenWithA401ProblemAndHoldsNothing() throws Exception {
        http.perform(post(HOLDS).contentType(MediaType.APPLICATION_JSON).content(seats()))
                .andExpect(problem(401, "unauthenticated"));
        http.perform(get(HOLDS + "/" + UUID.randomUUID())).andExpect(problem(401, "unauthenticated"));
        http.perform(delete(HOLDS + "/" + UUID.randomUUID())).andExpect(problem(401, "unauthenticated"));

        verifyNoInteractions(holds, admission);
    }

    /** The hold is looked up as the caller's: another buyer's hold does not exist for them, to read or to release. */
    @Test
    void answersAnotherBuyersHoldAsNotFound() throws Exception {
        UUID holdId = UUID.randomUUID();
        when(holds.get(buyer, holdId)).thenThrow(new HoldNotFound(holdId));
        when(holds.release(buyer, holdId)).thenThrow(new HoldNotFound(holdId));

        http.perform(get(HOLDS + "/" + holdId).header("Authorization", "Bearer " + TestTokens.buyer(buyer)))
                .andExpect(problem(404, "hold-not-found"));
        http.perform(delete(HOLDS + "/" + holdId).header("Authorization", "Bearer " + TestTokens.buyer(buyer)))
                .andExpect(problem(404, "hold-not-found"));

        verify(holds).get(buyer, holdId);
        verify(holds).release(buyer, holdId);
    }

    @Test
    void mapsSeatsTakenMeanwhileToASeatsUnavailableProblemNamingThem() throws Exception {
        when(holds.hold(eq(buyer), anyString(), any(), isNull())).thenThrow(new SeatsUnavailable(seatIds));

        http.perform(create(buyer, seats()))
                .andExpect(problem(409, "seats-unavailable"))
                .andExpect(jsonPath("$.seatIds[0]").value(seatIds.get(0).toString()))
                .andExpect(jsonPath("$.seatIds[1]").value(seatIds.get(1).toString()));
    }

    @Test
    void createsTheHoldAfterTheWaitingRoomAndAnswersItWithItsLocationItemsAndTimeLeft() throws Exception {
        Hold hold = held();
        when(holds.hold(eq(buyer), anyString(), eq(new HoldRequest.SpecificSeats(eventId, seatIds)), eq("FANCLUB")))
                .thenReturn(hold);

        http.perform(create(buyer, """
                {"eventId": "%s", "seatIds": ["%s", "%s"], "accessCode": "FANCLUB"}"""
                .formatted(eventId, seatIds.get(0), seatIds.get(1))).header(AdmissionPass.HEADER, "the-pass"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", HOLDS + "/" + hold.id()))
                .andExpect(jsonPath("$.id").value(hold.id().toString()))
                .andExpect(jsonPath("$.eventId").value(eventId.toString()))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.quantity").value(2))
                .andExpect(jsonPath("$.expiresAt").value(hold.expiresAt().toString()))
                .andExpect(jsonPath("$.remainingSeconds").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.greaterThan(0), org.hamcrest.Matchers.lessThanOrEqualTo(600))))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].sectionId").value(sectionId.toString()))
                .andExpect(jsonPath("$.items[0].seatId").value(seatIds.get(0).toString()))
                .andExpect(jsonPath("$.items[0].quantity").value(1));

        verify(admission).require(buyer, eventId, "the-pass");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReplaysTheHoldWithoutTakingItAgain() throws Exception {
        Hold hold = held();
        when(holds.hold(eq(buyer), anyString(), any(), isNull())).thenReturn(hold);
        String key = UUID.randomUUID().toString();

        MvcResult first = http.perform(create(buyer, seats()).header("Idempotency-Key", key))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed")).andReturn();
        http.perform(create(buyer, seats()).header("Idempotency-Key", key))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("Location", HOLDS + "/" + hold.id()))
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getResponse()
                        .getContentAsString()).isEqualTo(first.getResponse().getContentAsString()));

        verify(holds, times(1)).hold(eq(buyer), anyString(), any(), isNull());
        verify(admission, times(1)).require(buyer, eventId, null);
    }

    @Test
    void anIdempotencyKeyReusedForAnotherHoldIsRefusedAndAMalformedOneNeverReachesTheController() throws Exception {
        when(holds.hold(eq(buyer), anyString(), any(), isNull())).thenReturn(held());
        String key = UUID.randomUUID().toString();

        http.perform(create(buyer, seats()).header("Idempotency-Key", key)).andExpect(status().isCreated());
        http.perform(create(buyer, """
                {"eventId": "%s", "generalAdmission": {"sectionId": "%s", "quantity": 2}}"""
                .formatted(eventId, sectionId)).header("Idempotency-Key", key))
                .andExpect(problem(422, "idempotency-key-reused"));
        http.perform(create(buyer, seats()).header("Idempotency-Key", "not a key"))
                .andExpect(problem(400, "invalid-idempotency-key"));

        verify(holds, times(1)).hold(eq(buyer), anyString(), any(), isNull());
    }

    private MockHttpServletRequestBuilder create(UUID caller, String body) {
        return post(HOLDS).header("Authorization", "Bearer " + TestTokens.buyer(caller))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String seats() {
        return """
                {"eventId": "%s", "seatIds": ["%s", "%s"]}""".formatted(eventId, seatIds.get(0), seatIds.get(1));
    }

    /** The buyer's new hold on the two seats, ten minutes long. */
    private Hold held() {
        Instant now = Instant.now();
        return new Hold(UUID.randomUUID(), eventId, buyer, "buyer@test.boxoffice.dev", HoldStatus.ACTIVE, 2, now,
                now.plus(Duration.ofMinutes(10)), null,
                seatIds.stream().map(seat -> new HoldItem(sectionId, seat, 1)).toList());
    }

    /** Where the Idempotency-Key filter keeps its records: a schema of this JVM's test database. */
    @TestConfiguration(proxyBeanMethods = false)
    static class IdempotencyRecordsOnPostgres {

        @Bean
        DataSource dataSource() {
            PostgresServer server = TestInfrastructure.get().postgres();
            DriverManagerDataSource dataSource = new DriverManagerDataSource(TestInfrastructure.get().jdbcUrl(),
                    server.username(), server.password());
            Properties schema = new Properties();
            schema.setProperty("currentSchema", SCHEMA);
            dataSource.setConnectionProperties(schema);
            return dataSource;
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }
    }
}
