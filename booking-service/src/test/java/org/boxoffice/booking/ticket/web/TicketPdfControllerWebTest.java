package org.boxoffice.booking.ticket.web;

import static org.boxoffice.platform.testing.ProblemResults.parameterRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.boxoffice.booking.ticket.TicketDocuments;
import org.boxoffice.booking.ticket.TicketExamples;
import org.boxoffice.booking.ticket.TicketNotFound;
import org.boxoffice.booking.ticket.TicketVoid;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A ticket's PDF through its signed link: the link's parameters, its refusals, another buyer's ticket a 404. */
@WebSliceTest(TicketPdfController.class)
class TicketPdfControllerWebTest {

    private static final UUID TICKET = UUID.randomUUID();
    private static final String PDF = "/api/v1/tickets/" + TICKET + "/pdf";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private TicketDocuments documents;

    @Test
    void answersALinkForTheCallerThatIsNeverCached() throws Exception {
        UUID buyer = UUID.randomUUID();
        Instant expiresAt = Instant.parse("2027-01-10T10:05:00Z");
        when(documents.link(buyer, TICKET))
                .thenReturn(new TicketDocuments.Link(TICKET, expiresAt.getEpochSecond(), "c2lnbmVk", expiresAt));

        http.perform(get("/api/v1/tickets/" + TICKET + "/pdf-link")
                        .header("Authorization", "Bearer " + TestTokens.buyer(buyer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(jsonPath("$.url").value(PDF + "?expires=" + expiresAt.getEpochSecond() + "&signature=c2lnbmVk"))
                .andExpect(jsonPath("$.expiresAt").value("2027-01-10T10:05:00Z"));
    }

    /** The service looks tickets up as the caller's: another buyer's ticket is not found. */
    @Test
    void answersALinkToAnotherBuyersTicketAsNotFoundAskingAsTheCaller() throws Exception {
        UUID buyer = UUID.randomUUID();
        when(documents.link(any(), eq(TICKET))).thenThrow(new TicketNotFound(TICKET.toString()));

        http.perform(get("/api/v1/tickets/" + TICKET + "/pdf-link")
                        .header("Authorization", "Bearer " + TestTokens.buyer(buyer)))
                .andExpect(problem(404, "ticket-not-found"));

        verify(documents).link(buyer, TICKET);
    }

    @Test
    void opensThePdfAsAnAttachmentThatIsNeverCached() throws Exception {
        UUID buyer = UUID.randomUUID();
        when(documents.open(buyer, TICKET, 1800000000L, "c2lnbmVk")).thenReturn("%PDF-1.7".getBytes());

        http.perform(get(PDF).param("expires", "1800000000").param("signature", "c2lnbmVk")
                        .header("Authorization", "Bearer " + TestTokens.buyer(buyer)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"ticket-" + TICKET + ".pdf\""))
                .andExpect(content().bytes("%PDF-1.7".getBytes()));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of((Supplier<RuntimeException>) TicketExamples::linkExpired, 403, "ticket-link-expired"),
                Arguments.of((Supplier<RuntimeException>) TicketExamples::linkInvalid, 403, "ticket-link-invalid"),
                Arguments.of((Supplier<RuntimeException>) () -> new TicketNotFound(TICKET.toString()), 404,
                        "ticket-not-found"),
                Arguments.of((Supplier<RuntimeException>) () -> new TicketVoid(TICKET), 409, "ticket-void"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void answersTheDocumentsRefusalsAsTheirProblems(Supplier<RuntimeException> refusal, int status, String type)
            throws Exception {
        when(documents.open(any(), eq(TICKET), anyLong(), anyString())).thenThrow(refusal.get());

        http.perform(get(PDF).param("expires", "1800000000").param("signature", "c2lnbmVk")
                        .header("Authorization", "Bearer " + TestTokens.buyer()))
                .andExpect(problem(status, type));
    }

    @ParameterizedTest
    @ValueSource(strings = { "expires", "signature" })
    void refusesALinkWithoutEachOfItsPartsNamingIt(String missing) throws Exception {
        var request = get(PDF).header("Authorization", "Bearer " + TestTokens.buyer());
        if (!missing.equals("expires")) {
            request.param("expires", "1800000000");
        }
        if (!missing.equals("signature")) {
            request.param("signature", "c2lnbmVk");
        }

        http.perform(request).andExpect(parameterRefused(missing));

        verifyNoInteractions(documents);
    }

    @Test
    void refusesAnExpiryThatIsNotANumberNamingIt() throws Exception {
        http.perform(get(PDF).param("expires", "tomorrow").param("signature", "c2lnbmVk")
                        .header("Authorization", "Bearer " + TestTokens.buyer()))
                .andExpect(parameterRefused("expires"));

        verifyNoInteractions(documents);
    }

    /** The link alone is not enough: it opens for the account it was made for, with that account's token. */
    @Test
    void refusesALinkOpenedWithoutAToken() throws Exception {
        http.perform(get(PDF).param("expires", "1800000000").param("signature", "c2lnbmVk"))
                .andExpect(problem(401, "unauthenticated"));

        verifyNoInteractions(documents);
    }
}
