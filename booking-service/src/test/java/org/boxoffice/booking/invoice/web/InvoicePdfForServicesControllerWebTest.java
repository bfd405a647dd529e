package org.boxoffice.booking.invoice.web;

import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.boxoffice.booking.invoice.InvoiceNotFound;
import org.boxoffice.booking.invoice.Invoicing;
import org.boxoffice.platform.testing.WebSliceTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An invoice's PDF for the services holding its token: no access token, the invoice token decides; an unknown
 * invoice and a wrong or missing token are the same 404, so the path tells nothing of which invoices exist.
 */
@WebSliceTest(InvoicePdfForServicesController.class)
class InvoicePdfForServicesControllerWebTest {

    private static final UUID INVOICE = UUID.randomUUID();
    private static final String PDF = "/internal/v1/invoices/" + INVOICE + "/pdf";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private Invoicing invoicing;

    @Test
    void answersThePdfForItsTokenNeverCached() throws Exception {
        when(invoicing.pdfFor(INVOICE, "dG9rZW4")).thenReturn("%PDF-1.7".getBytes());

        http.perform(get(PDF).header("Invoice-Token", "dG9rZW4"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(content().bytes("%PDF-1.7".getBytes()));
    }

    @Test
    void answersAWrongTokenAsTheInvoiceNotFound() throws Exception {
        when(invoicing.pdfFor(eq(INVOICE), any())).thenThrow(new InvoiceNotFound(INVOICE));

        http.perform(get(PDF).header("Invoice-Token", "bm90IGl0"))
                .andExpect(problem(404, "invoice-not-found"));
    }

    /** No token is an empty one, which opens no invoice: not a 400 that would tell a missing header from a wrong one. */
    @Test
    void asksWithAnEmptyTokenWhenTheHeaderIsMissing() throws Exception {
        when(invoicing.pdfFor(eq(INVOICE), any())).thenThrow(new InvoiceNotFound(INVOICE));

        http.perform(get(PDF)).andExpect(problem(404, "invoice-not-found"));

        verify(invoicing).pdfFor(INVOICE, "");
    }

    /** A problem still renders as JSON although the caller asked for a PDF (the mapping declares no "produces"). */
    @Test
    void rendersTheNotFoundProblemToACallerAcceptingPdf() throws Exception {
        when(invoicing.pdfFor(eq(INVOICE), any())).thenThrow(new InvoiceNotFound(INVOICE));

        http.perform(get(PDF).header("Invoice-Token", "bm90IGl0").accept(MediaType.APPLICATION_PDF))
                .andExpect(problem(404, "invoice-not-found"));
    }

    @Test
    void refusesAnInvoiceIdThatIsNotAUuid() throws Exception {
        http.perform(get("/internal/v1/invoices/INV-2027-0001/pdf").header("Invoice-Token", "dG9rZW4"))
                .andExpect(problem(400, "invalid-parameter"));
    }
}
