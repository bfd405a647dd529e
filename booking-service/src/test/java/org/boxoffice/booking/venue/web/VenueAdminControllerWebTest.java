package org.boxoffice.booking.venue.web;

import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.parameterRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.UUID;

import org.boxoffice.booking.system.OrganizerAccessSpy;
import org.boxoffice.booking.venue.VenueNotFound;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The venue admin API's edge: seat-map validation, seat flags, and another organization's venue as not found. */
@WebSliceTest(VenueAdminController.class)
class VenueAdminControllerWebTest {

    private static final String VENUES = "/api/v1/admin/venues";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private VenueService venues;

    @Test
    void refusesASectionWithABadCodeAndNoNameNamingEachFieldAndChangesNothing() throws Exception {
        http.perform(post(VENUES + "/" + UUID.randomUUID() + "/sections")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "A B", "name": "", "kind": "SEATED", "rows": {"from": "A", "to": "C"},
                                 "seats": {"from": 1, "to": 10}}
                                """))
                .andExpect(fieldsRefused("code", "name"));

        verifyNoInteractions(venues);
    }

    @Test
    void refusesAGeneralAdmissionAreaWithRowsAsAnInconsistentShape() throws Exception {
        http.perform(post(VENUES + "/" + UUID.randomUUID() + "/sections")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "FLOOR", "name": "Floor", "kind": "GENERAL_ADMISSION",
                                 "rows": {"from": "A", "to": "C"}, "capacity": 500}
                                """))
                .andExpect(fieldsRefused("shapeConsistent"));

        verifyNoInteractions(venues);
    }

    @Test
    void refusesSeatFlagsThatAreNotBooleansNamingTheField() throws Exception {
        http.perform(put(VENUES + "/" + UUID.randomUUID() + "/sections/" + UUID.randomUUID() + "/seats/"
                        + UUID.randomUUID())
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accessible\": \"wheelchair\", \"restrictedView\": false}"))
                .andExpect(problem(400, "malformed-request"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("accessible")));

        verifyNoInteractions(venues);
    }

    /** Flagging a seat of another organization's venue tells the caller nothing about that venue. */
    @Test
    void answersSeatFlagsOnAnotherOrganizationsVenueAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID venueId = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(venues.setSeatFlags(any(), eq(venueId), any(), any(), anyBoolean(), anyBoolean()))
                .thenAnswer(access.notFound(new VenueNotFound(venueId)));

        http.perform(put(VENUES + "/" + venueId + "/sections/" + UUID.randomUUID() + "/seats/" + UUID.randomUUID())
                        .header("Authorization", "Bearer " + TestTokens.organizer(mine))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accessible\": true, \"restrictedView\": false}"))
                .andExpect(problem(404, "venue-not-found"));

        access.assertWasTheCallersOnly(mine);
    }

    @Test
    void answersAnotherOrganizationsSeatMapAsNotFound() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID venueId = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(venues.seatMap(any(), eq(venueId))).thenAnswer(access.notFound(new VenueNotFound(venueId)));

        http.perform(get(VENUES + "/" + venueId).header("Authorization", "Bearer " + TestTokens.organizer(mine)))
                .andExpect(problem(404, "venue-not-found"));

        access.assertWasTheCallersOnly(mine);
    }

    @Test
    void refusesAVenueIdThatIsNotAUuidNamingTheParameter() throws Exception {
        http.perform(get(VENUES + "/hall-7").header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(parameterRefused("venueId"));

        verifyNoInteractions(venues);
    }

    @Test
    void keepsABuyerOutOfTheVenueAdminApi() throws Exception {
        http.perform(get(VENUES).header("Authorization", "Bearer " + TestTokens.buyer()))
                .andExpect(problem(403, "forbidden"));

        verifyNoInteractions(venues);
    }
}
