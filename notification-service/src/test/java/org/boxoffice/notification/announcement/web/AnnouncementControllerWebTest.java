package org.boxoffice.notification.announcement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.boxoffice.notification.announcement.Announcements;
import org.boxoffice.notification.announcement.EventNotFound;
import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Announcements at the edge: subject and body required, another organization's event not found, buyers kept out. */
@WebSliceTest(AnnouncementController.class)
class AnnouncementControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private Announcements announcements;

    @Test
    void refusesABlankSubjectAndAnOverlongBodyNamingEachFieldAndSendsNothing() throws Exception {
        http.perform(post("/api/v1/admin/notifications/events/" + UUID.randomUUID() + "/announcements")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \" \", \"body\": \"" + "x".repeat(5_001) + "\"}"))
                .andExpect(fieldsRefused("subject", "body"));

        verifyNoInteractions(announcements);
    }

    /** The service decides as the caller, and another organization's event is "not found", never "forbidden". */
    @Test
    void answersAnotherOrganizationsEventAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        AtomicReference<CurrentUser> caller = new AtomicReference<>();
        when(announcements.announce(any(), eq(eventId), any(), any())).thenAnswer(call -> {
            caller.set(call.getArgument(0));
            throw new EventNotFound(eventId);
        });

        http.perform(post("/api/v1/admin/notifications/events/" + eventId + "/announcements")
                        .header("Authorization", "Bearer " + TestTokens.organizer(mine))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \"Doors at 7\", \"body\": \"Doors open an hour earlier.\"}"))
                .andExpect(problem(404, "event-not-found"));

        assertThat(caller.get().canManage(mine)).isTrue();
        assertThat(caller.get().canManage(UUID.randomUUID())).isFalse();
    }

    @Test
    void keepsABuyerFromAnnouncing() throws Exception {
        http.perform(post("/api/v1/admin/notifications/events/" + UUID.randomUUID() + "/announcements")
                        .header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \"Free tickets\", \"body\": \"Click here.\"}"))
                .andExpect(problem(403, "forbidden"));

        verifyNoInteractions(announcements);
    }
}
