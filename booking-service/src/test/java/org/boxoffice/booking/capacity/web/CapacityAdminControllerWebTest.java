package org.boxoffice.booking.capacity.web;

import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.parameterRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.boxoffice.booking.capacity.CapacityService;
import org.boxoffice.booking.event.EventNotFound;
import org.boxoffice.booking.event.EventStateConflict;
import org.boxoffice.booking.event.EventStatus;
import org.boxoffice.booking.event.NotGeneralAdmission;
import org.boxoffice.booking.system.OrganizerAccessSpy;
import org.boxoffice.booking.venue.SectionNotFound;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Adding capacity at the edge: how many tickets, the service's refusals, another organization's event a 404. */
@WebSliceTest(CapacityAdminController.class)
class CapacityAdminControllerWebTest {

    private static final UUID EVENT = UUID.randomUUID();
    private static final UUID SECTION = UUID.randomUUID();
    private static final String CAPACITY = "/api/v1/admin/events/" + EVENT + "/sections/" + SECTION + "/capacity";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private CapacityService capacity;

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"tickets\": 0}", "{\"tickets\": 100001}" })
    void refusesAMissingOrOutOfRangeNumberOfTicketsNamingIt(String body) throws Exception {
        http.perform(post(CAPACITY).header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(fieldsRefused("tickets"));

        verifyNoInteractions(capacity);
    }

    @Test
    void refusesASectionIdThatIsNotAUuidNamingTheParameter() throws Exception {
        http.perform(post("/api/v1/admin/events/" + EVENT + "/sections/floor/capacity")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"tickets\": 10}"))
                .andExpect(parameterRefused("sectionId"));

        verifyNoInteractions(capacity);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of((Supplier<RuntimeException>) () -> new SectionNotFound(SECTION), 404, "section-not-found"),
                Arguments.of((Supplier<RuntimeException>) () -> new NotGeneralAdmission(SECTION), 422,
                        "not-general-admission"),
                Arguments.of((Supplier<RuntimeException>) () -> new EventStateConflict(EVENT, EventStatus.DRAFT,
                        "A draft event's capacity is its venue's."), 409, "event-state-conflict"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void answersTheServicesRefusalsAsTheirProblems(Supplier<RuntimeException> refusal, int status, String type)
            throws Exception {
        when(capacity.add(any(), eq(EVENT), eq(SECTION), eq(10))).thenThrow(refusal.get());

        http.perform(post(CAPACITY).header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"tickets\": 10}"))
                .andExpect(problem(status, type));
    }

    @Test
    void answersTheAreaAfterTheAddition() throws Exception {
        when(capacity.add(any(), eq(EVENT), eq(SECTION), eq(10)))
                .thenReturn(new CapacityService.Added(EVENT, SECTION, 10, 510, 4, 6));

        http.perform(post(CAPACITY).header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"tickets\": 10}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(10))
                .andExpect(jsonPath("$.capacity").value(510))
                .andExpect(jsonPath("$.offeredToWaitingList").value(4))
                .andExpect(jsonPath("$.available").value(6));
    }

    @Test
    void answersAnotherOrganizationsEventAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(capacity.add(any(), eq(EVENT), eq(SECTION), anyInt())).thenAnswer(access.notFound(new EventNotFound(EVENT)));

        http.perform(post(CAPACITY).header("Authorization", "Bearer " + TestTokens.organizer(mine))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"tickets\": 10}"))
                .andExpect(problem(404, "event-not-found"));

        access.assertWasTheCallersOnly(mine);
    }

    @Test
    void keepsABuyerFromAddingCapacity() throws Exception {
        http.perform(post(CAPACITY).header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"tickets\": 10}"))
                .andExpect(problem(403, "forbidden"));

        verifyNoInteractions(capacity);
    }
}
