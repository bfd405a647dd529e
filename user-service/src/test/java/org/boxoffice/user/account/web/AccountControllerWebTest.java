package org.boxoffice.user.account.web;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.boxoffice.user.account.AccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Registration and the caller's own account at the edge: each bad field named, roles never settable, a token required. */
@WebSliceTest(AccountController.class)
class AccountControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private AccountService accounts;

    @Test
    void refusesAnAddressThatIsNotAnEmailAndAShortPasswordNamingEachFieldAndRegistersNoOne() throws Exception {
        http.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"buyer-at-example.com\", \"password\": \"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'password')]").exists());

        verifyNoInteractions(accounts);
    }

    /** A field the API does not know is a client mistake, and the way someone would try to make themselves admin. */
    @Test
    void refusesARegistrationThatTriesToSetRoles() throws Exception {
        http.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"buyer@example.com\", \"password\": \"correct horse battery\", "
                                + "\"roles\": [\"ADMIN\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/malformed-request"));

        verifyNoInteractions(accounts);
    }

    @Test
    void refusesADisplayNameOverTheLimitNamingIt() throws Exception {
        http.perform(patch("/api/v1/users/me").header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"displayName\": \"" + "n".repeat(101) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("displayName"));

        verifyNoInteractions(accounts);
    }

    @Test
    void refusesANewPasswordShorterThanThePolicyNamingItAndChangesNothing() throws Exception {
        http.perform(put("/api/v1/users/me/password").header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"correct horse battery\", \"newPassword\": \"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"));

        verifyNoInteractions(accounts);
    }

    @Test
    void answersACallerWithoutATokenWithA401Problem() throws Exception {
        http.perform(get("/api/v1/users/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/unauthenticated"));

        verifyNoInteractions(accounts);
    }
}
