package org.boxoffice.analytics.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.platform.testing.ProblemResults.parameterRefused;
import static org.boxoffice.platform.testing.ProblemResults.adminRequired;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.boxoffice.analytics.report.CodeSales;
import org.boxoffice.analytics.report.CodeSalesReports;
import org.boxoffice.analytics.report.EventNotFound;
import org.boxoffice.analytics.report.SalesReports;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Sales numbers at the edge: another organization's event not found (also as CSV), parameters named, admins' summary. */
@WebSliceTest(AnalyticsController.class)
class AnalyticsControllerWebTest {

    private static final String ANALYTICS = "/api/v1/admin/analytics";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private SalesReports reports;

    @MockitoBean
    private CodeSalesReports codeReports;

    /** Reports are read with the caller's rights only; what they exclude is "not found", never "forbidden". */
    @Test
    void answersAnotherOrganizationsEventAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        AtomicReference<Predicate<UUID>> access = new AtomicReference<>();
        when(reports.event(eq(eventId), any())).thenAnswer(call -> {
            access.set(call.getArgument(1));
            throw new EventNotFound(eventId);
        });

        http.perform(get(ANALYTICS + "/events/" + eventId).header("Authorization", "Bearer " + TestTokens.organizer(mine)))
                .andExpect(problem(404, "event-not-found"));

        assertThat(access.get().test(mine)).as("the caller's organization").isTrue();
        assertThat(access.get().test(UUID.randomUUID())).as("another organization").isFalse();
    }

    @Test
    void answersTheCsvExportOfAnotherOrganizationsEventWithANotFoundProblemNotACsv() throws Exception {
        UUID eventId = UUID.randomUUID();
        when(reports.sectionTierSales(eq(eventId), any())).thenThrow(new EventNotFound(eventId));

        http.perform(get(ANALYTICS + "/events/" + eventId + "/export.csv")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/event-not-found"));
    }

    @Test
    void exportsEachCodesFiguresAsCsvAndAnotherOrganizationsEventAsANotFoundProblem() throws Exception {
        UUID eventId = UUID.randomUUID();
        UUID codeId = UUID.randomUUID();
        when(codeReports.codeSales(eq(eventId), any())).thenReturn(new CodeSales(eventId, List.of(
                new CodeSales.Code("-TEN", codeId, "EUR", 3, 2, 5, 2_500, 20_000, 4_000, 16_000, 1),
                new CodeSales.Code("OLD", null, "EUR", 1, 1, 1, 0, 900, 0, 900, 0))));
        UUID other = UUID.randomUUID();
        when(codeReports.codeSales(eq(other), any())).thenThrow(new EventNotFound(other));
        String organizer = "Bearer " + TestTokens.organizer(UUID.randomUUID());

        String csv = http.perform(get(ANALYTICS + "/events/" + eventId + "/codes/export.csv")
                        .header("Authorization", organizer))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        http.perform(get(ANALYTICS + "/events/" + other + "/codes/export.csv").header("Authorization", organizer))
                .andExpect(problem(404, "event-not-found"));

        // A code may start with "-": a spreadsheet must not read it as a formula.
        assertThat(csv.split("\r\n")).containsExactly(
                "event_id,code_id,code,currency,checkouts,orders,tickets_sold,discount_minor,gross_minor,"
                        + "refunded_minor,net_minor,cancellations",
                eventId + "," + codeId + ",'-TEN,EUR,3,2,5,2500,20000,4000,16000,1",
                eventId + ",,OLD,EUR,1,1,1,0,900,0,900,0");
    }

    @Test
    void refusesAnUnknownGranularityNamingTheParameter() throws Exception {
        http.perform(get(ANALYTICS + "/events/" + UUID.randomUUID() + "/timeseries").param("granularity", "fortnight")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(parameterRefused("granularity"));

        verifyNoInteractions(reports);
    }

    @Test
    void refusesAFromThatIsNotAnInstantNamingTheParameter() throws Exception {
        http.perform(get(ANALYTICS + "/events/" + UUID.randomUUID() + "/timeseries").param("from", "yesterday")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(parameterRefused("from"));

        verifyNoInteractions(reports);
    }

    @Test
    void keepsTheSummaryFromAnOrganizerAndABuyerOutOfAnalytics() throws Exception {
        http.perform(get(ANALYTICS + "/summary").header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(adminRequired());
        http.perform(get(ANALYTICS + "/events/" + UUID.randomUUID()).header("Authorization", "Bearer " + TestTokens.buyer()))
                .andExpect(problem(403, "forbidden"));

        verifyNoInteractions(reports);
    }
}
