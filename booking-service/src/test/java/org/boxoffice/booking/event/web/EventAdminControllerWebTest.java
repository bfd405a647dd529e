package org.boxoffice.booking.event.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.boxoffice.booking.event.EventNotFound;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The event admin API's edge: validation, error mapping, and another organization's event answered as not found. */
@WebSliceTest(EventAdminController.class)
class EventAdminControllerWebTest {

    private static final String EVENTS = "/api/v1/admin/events";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private EventService events;
    /** The images the event's answers show (docs/booking.md, "Images"). */
    @MockitoBean
    private EventImages images;

    @Test
    void refusesAnEventWithoutATitleOrWithABadCurrencyNamingEachFieldAndCreatesNothing() throws Exception {
        String organizer = TestTokens.organizer(UUID.randomUUID());
        String body = """
                {"venueId": "%s", "title": "", "startsAt": "2027-05-01T19:00:00Z", "endsAt": "2027-05-01T22:00:00Z",
                 "timezone": "Europe/Berlin", "onSaleAt": "2027-03-01T10:00:00Z", "offSaleAt": "2027-05-01T18:00:00Z",
                 "currency": "euro", "maxTicketsPerOrder": 6, "maxTicketsPerBuyer": 10}
                """.formatted(UUID.randomUUID());

        http.perform(post(EVENTS).header("Authorization", "Bearer " + organizer)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[?(@.field == 'title')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'currency')]").exists());

        verifyNoInteractions(events);
    }

    @Test
    void refusesAnEmptyListOfTiers() throws Exception {
        http.perform(put(EVENTS + "/" + UUID.randomUUID() + "/price-tiers")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"tiers\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tiers"));

        verifyNoInteractions(events);
    }

    @Test
    void refusesAnUnknownStatusNamingTheParameter() throws Exception {
        http.perform(get(EVENTS).param("status", "SOLD_TWICE")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/invalid-parameter"))
                .andExpect(jsonPath("$.parameter").value("status"));

        verifyNoInteractions(events);
    }

    /** The service decides with the caller's own rights, and what they exclude is "not found", never "forbidden". */
    @Test
    void answersAnotherOrganizationsEventAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        AtomicReference<OrganizerAccess> access = new AtomicReference<>();
        when(events.get(any(), eq(eventId))).thenAnswer(call -> {
            access.set(call.getArgument(0));
            throw new EventNotFound(eventId);
        });

        http.perform(get(EVENTS + "/" + eventId).header("Authorization", "Bearer " + TestTokens.organizer(mine)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/event-not-found"));

        assertThat(access.get().canManage(mine)).as("the caller's organization").isTrue();
        assertThat(access.get().canManage(theirs)).as("another organization").isFalse();
    }

    @Test
    void keepsABuyerOutOfTheAdminApi() throws Exception {
        http.perform(get(EVENTS + "/" + UUID.randomUUID()).header("Authorization", "Bearer " + TestTokens.buyer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/forbidden"));

        verifyNoInteractions(events);
    }
}
