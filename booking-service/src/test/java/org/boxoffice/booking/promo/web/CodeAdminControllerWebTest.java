package org.boxoffice.booking.promo.web;

import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.boxoffice.booking.event.EventNotFound;
import org.boxoffice.booking.promo.PromoCodeService;
import org.boxoffice.booking.system.OrganizerAccessSpy;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Promo and access codes at the edge: each bad field named, another organization's event not found. */
@WebSliceTest(CodeAdminController.class)
class CodeAdminControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private PromoCodeService codes;

    @Test
    void refusesACodeWithSpacesAndMoreThanAHundredPercentOffNamingEachFieldAndCreatesNothing() throws Exception {
        http.perform(post("/api/v1/admin/events/" + UUID.randomUUID() + "/codes")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"HALF OFF\", \"kind\": \"DISCOUNT\", \"percentOff\": 150}"))
                .andExpect(fieldsRefused("code", "percentOff"));

        verifyNoInteractions(codes);
    }

    @Test
    void refusesAnUnknownKindAsAMalformedRequest() throws Exception {
        http.perform(post("/api/v1/admin/events/" + UUID.randomUUID() + "/codes")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"EARLY\", \"kind\": \"FREEBIE\"}"))
                .andExpect(problem(400, "malformed-request"));

        verifyNoInteractions(codes);
    }

    @Test
    void answersAnotherOrganizationsEventCodesAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(codes.list(any(), eq(eventId), any())).thenAnswer(access.notFound(new EventNotFound(eventId)));

        http.perform(get("/api/v1/admin/events/" + eventId + "/codes")
                        .header("Authorization", "Bearer " + TestTokens.organizer(mine)))
                .andExpect(problem(404, "event-not-found"));

        access.assertWasTheCallersOnly(mine);
    }

    @Test
    void keepsABuyerOutOfAnEventsCodes() throws Exception {
        http.perform(get("/api/v1/admin/events/" + UUID.randomUUID() + "/codes")
                        .header("Authorization", "Bearer " + TestTokens.buyer()))
                .andExpect(problem(403, "forbidden"));

        verifyNoInteractions(codes);
    }
}
