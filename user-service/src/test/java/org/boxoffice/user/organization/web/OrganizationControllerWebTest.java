package org.boxoffice.user.organization.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.boxoffice.user.organization.OrganizationService;
import org.boxoffice.user.organization.OrganizationSummary;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The organizations API's edge: validation, error mapping and who is let in, without a database. */
@WebSliceTest(OrganizationController.class)
class OrganizationControllerWebTest {

    private static final String ORGANIZATIONS = "/api/v1/admin/organizations";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private OrganizationService organizations;

    @Test
    void refusesABlankNameNamingTheFieldAndCreatesNothing() throws Exception {
        http.perform(post(ORGANIZATIONS).header("Authorization", "Bearer " + TestTokens.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));

        verifyNoInteractions(organizations);
    }

    @Test
    void refusesABodyThatIsNotJsonAndCreatesNothing() throws Exception {
        http.perform(post(ORGANIZATIONS).header("Authorization", "Bearer " + TestTokens.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/malformed-request"));

        verifyNoInteractions(organizations);
    }

    @Test
    void refusesAnIdThatIsNotAUuidNamingTheParameter() throws Exception {
        http.perform(get(ORGANIZATIONS + "/not-a-uuid").header("Authorization", "Bearer " + TestTokens.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/invalid-parameter"))
                .andExpect(jsonPath("$.parameter").value("id"));

        verifyNoInteractions(organizations);
    }

    @Test
    void answersACallerWithoutATokenWithA401Problem() throws Exception {
        http.perform(get(ORGANIZATIONS))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/unauthenticated"));

        verifyNoInteractions(organizations);
    }

    @Test
    void keepsABuyerOutOfTheAdminApi() throws Exception {
        http.perform(get(ORGANIZATIONS).header("Authorization", "Bearer " + TestTokens.buyer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/forbidden"));

        verifyNoInteractions(organizations);
    }

    @Test
    void answersACreatedOrganizationWithItsLocation() throws Exception {
        UUID id = UUID.randomUUID();
        Mockito.when(organizations.create(any(CurrentUser.class), Mockito.eq("Fox Theatre")))
                .thenReturn(new OrganizationSummary(id, "Fox Theatre", Instant.parse("2026-12-01T10:00:00Z")));

        http.perform(post(ORGANIZATIONS).header("Authorization", "Bearer " + TestTokens.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Fox Theatre\"}"))
                .andExpect(status().isCreated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Location", ORGANIZATIONS + "/" + id))
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.name").value("Fox Theatre"));
    }
}
