package org.boxoffice.user.account.web;

import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

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
                .andExpect(fieldsRefused("email", "password"));

        verifyNoInteractions(accounts);
    }

    /** A field the API does not know is a client mistake, and the way someone would try to make themselves admin. */
    @Test
    void refusesARegistrationThatTriesToSetRoles() throws Exception {
        http.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"buyer@example.com\", \"password\": \"correct horse battery\", "
                                + "\"roles\": [\"ADMIN\"]}"))
                .andExpect(problem(400, "malformed-request"));

        verifyNoInteractions(accounts);
    }

    @Test
    void refusesADisplayNameOverTheLimitNamingIt() throws Exception {
        http.perform(patch("/api/v1/users/me").header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"displayName\": \"" + "n".repeat(101) + "\"}"))
                .andExpect(fieldsRefused("displayName"));

        verifyNoInteractions(accounts);
    }

    @Test
    void refusesANewPasswordShorterThanThePolicyNamingItAndChangesNothing() throws Exception {
        http.perform(put("/api/v1/users/me/password").header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"correct horse battery\", \"newPassword\": \"short\"}"))
                .andExpect(fieldsRefused("newPassword"));

        verifyNoInteractions(accounts);
    }

    @Test
    void answersACallerWithoutATokenWithA401Problem() throws Exception {
        http.perform(get("/api/v1/users/me"))
                .andExpect(problem(401, "unauthenticated"));

        verifyNoInteractions(accounts);
    }
}
