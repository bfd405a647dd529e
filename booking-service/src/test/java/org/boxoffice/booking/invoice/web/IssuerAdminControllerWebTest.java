package org.boxoffice.booking.invoice.web;

import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.parameterRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.UUID;

import org.boxoffice.booking.invoice.Invoicing;
import org.boxoffice.booking.invoice.IssuerNotFound;
import org.boxoffice.booking.system.OrganizerAccessSpy;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The seller details on an organization's invoices: validated at the edge, another organization's not found. */
@WebSliceTest(IssuerAdminController.class)
class IssuerAdminControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private Invoicing invoicing;

    @Test
    void refusesABlankLegalNameAndAMissingAddressNamingEachFieldAndSavesNothing() throws Exception {
        http.perform(put("/api/v1/admin/invoicing/" + UUID.randomUUID())
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"legalName\": \"\"}"))
                .andExpect(fieldsRefused("legalName", "address"));

        verifyNoInteractions(invoicing);
    }

    @Test
    void answersAnotherOrganizationsDetailsAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(invoicing.setIssuer(any(), eq(theirs), any(), any(), any()))
                .thenAnswer(access.notFound(new IssuerNotFound(theirs)));

        http.perform(put("/api/v1/admin/invoicing/" + theirs)
                        .header("Authorization", "Bearer " + TestTokens.organizer(mine))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"legalName\": \"Fox Theatre GmbH\", \"address\": \"1 Main St\"}"))
                .andExpect(problem(404, "issuer-not-found"));

        access.assertWasTheCallersOnly(mine);
    }

    @Test
    void refusesAnOrganizationIdThatIsNotAUuidNamingTheParameter() throws Exception {
        http.perform(get("/api/v1/admin/invoicing/fox-theatre")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(parameterRefused("organizationId"));

        verifyNoInteractions(invoicing);
    }
}
