package org.boxoffice.booking.question.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.event.EventNotFound;
import org.boxoffice.booking.question.AnswerSheet;
import org.boxoffice.booking.system.OrganizerAccessSpy;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The answers export at the edge: a file to download, cells never formulas, another organization's event a 404. */
@WebSliceTest(AnswerExportController.class)
class AnswerExportControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private AnswerSheet sheets;

    private static String answersOf(UUID eventId, String format) {
        return "/api/v1/admin/events/" + eventId + "/questions/answers." + format;
    }

    @Test
    void downloadsTheCsvWithAnswersThatLookLikeFormulasDisarmed() throws Exception {
        UUID eventId = UUID.randomUUID();
        when(sheets.of(any(), eq(eventId))).thenReturn(new AnswerSheet.Sheet(List.of("ticket_code", "Team"),
                List.of(List.of("BX-7K2Q", "=HYPERLINK(\"http://evil\")"))));

        http.perform(get(answersOf(eventId, "csv"))
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("text/csv")))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"event-" + eventId + "-answers.csv\""))
                .andExpect(content().string("ticket_code,Team\r\nBX-7K2Q,\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n"));
    }

    @Test
    void downloadsTheSpreadsheetAsAnXlsxFile() throws Exception {
        UUID eventId = UUID.randomUUID();
        when(sheets.of(any(), eq(eventId)))
                .thenReturn(new AnswerSheet.Sheet(List.of("ticket_code"), List.of(List.of("BX-7K2Q"))));

        byte[] body = http.perform(get(answersOf(eventId, "xlsx"))
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith(AnswerExportController.XLSX.toString())))
                .andReturn().getResponse().getContentAsByteArray();

        // An XLSX file is a ZIP archive.
        assertThat(body).startsWith('P', 'K');
    }

    @ParameterizedTest
    @ValueSource(strings = { "csv", "xlsx" })
    void answersAnotherOrganizationsAnswersAsNotFoundNotForbidden(String format) throws Exception {
        UUID mine = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(sheets.of(any(), eq(eventId))).thenAnswer(access.notFound(new EventNotFound(eventId)));

        http.perform(get(answersOf(eventId, format)).header("Authorization", "Bearer " + TestTokens.organizer(mine)))
                .andExpect(problem(404, "event-not-found"));

        access.assertWasTheCallersOnly(mine);
    }

    @Test
    void keepsABuyerFromDownloadingAnswers() throws Exception {
        http.perform(get(answersOf(UUID.randomUUID(), "csv")).header("Authorization", "Bearer " + TestTokens.buyer()))
                .andExpect(problem(403, "forbidden"));

        verifyNoInteractions(sheets);
    }
}
