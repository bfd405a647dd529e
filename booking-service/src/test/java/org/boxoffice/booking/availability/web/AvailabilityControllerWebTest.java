package org.boxoffice.booking.availability.web;

import static org.boxoffice.platform.testing.ProblemResults.parameterRefused;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.availability.AvailabilityService;
import org.boxoffice.booking.availability.AvailabilityService.SeatAvailability;
import org.boxoffice.platform.testing.WebSliceTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** What a buyer's seat map reads: open without an account, each seat with its flags, ids checked at the edge. */
@WebSliceTest(AvailabilityController.class)
class AvailabilityControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private AvailabilityService availability;

    /** The buyer's seat map shows which seats are accessible and which have a restricted view (issue #15). */
    @Test
    void answersEachSeatWithItsAccessibleAndRestrictedViewFlagsWithoutAnAccount() throws Exception {
        UUID eventId = UUID.randomUUID();
        UUID sectionId = UUID.randomUUID();
        UUID wheelchair = UUID.randomUUID();
        UUID pillar = UUID.randomUUID();
        when(availability.seats(eventId, sectionId)).thenReturn(List.of(
                new SeatAvailability(wheelchair, "A", 1, true, false, true),
                new SeatAvailability(pillar, "A", 2, false, true, false)));

        http.perform(get("/api/v1/events/" + eventId + "/sections/" + sectionId + "/seats"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("public")))
                .andExpect(jsonPath("$.seats[0].seatId").value(wheelchair.toString()))
                .andExpect(jsonPath("$.seats[0].accessible").value(true))
                .andExpect(jsonPath("$.seats[0].restrictedView").value(false))
                .andExpect(jsonPath("$.seats[0].available").value(true))
                .andExpect(jsonPath("$.seats[1].accessible").value(false))
                .andExpect(jsonPath("$.seats[1].restrictedView").value(true))
                .andExpect(jsonPath("$.seats[1].available").value(false));
    }

    @Test
    void refusesASectionIdThatIsNotAUuidNamingTheParameter() throws Exception {
        http.perform(get("/api/v1/events/" + UUID.randomUUID() + "/sections/stalls/seats"))
                .andExpect(parameterRefused("sectionId"));

        verifyNoInteractions(availability);
    }
}
