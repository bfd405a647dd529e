package org.boxoffice.user.auth.web;

import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.boxoffice.user.auth.AuthService;
import org.boxoffice.user.auth.TokenPair;
import org.boxoffice.platform.testing.WebSliceTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Login, refresh and logout need no token; their input is checked at the edge and tokens are never cached. */
@WebSliceTest(AuthController.class)
class AuthControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private AuthService auth;
    @MockitoBean
    private ClientAddresses clients;

    @Test
    void refusesABlankEmailAndAMissingPasswordNamingEachFieldWithoutTryingToLogIn() throws Exception {
        http.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).content("{\"email\": \" \"}"))
                .andExpect(fieldsRefused("email", "password"));

        verifyNoInteractions(auth);
    }

    @Test
    void refusesARefreshTokenLongerThanAnyWeIssueNamingIt() throws Exception {
        http.perform(post("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"refreshToken\": \"" + "r".repeat(257) + "\"}"))
                .andExpect(fieldsRefused("refreshToken"));

        verifyNoInteractions(auth);
    }

    @Test
    void refusesAPasswordSentAsANumberAsAMalformedRequest() throws Exception {
        http.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"buyer@example.com\", \"password\": 12345678901234}"))
                .andExpect(problem(400, "malformed-request"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("password")));

        verifyNoInteractions(auth);
    }

    @Test
    void answersTokensWithoutAnAccountTokenAndNeverLetsThemBeCached() throws Exception {
        when(clients.limitKey(any())).thenReturn("203.0.113.7");
        when(auth.login("buyer@example.com", "correct horse battery", "203.0.113.7"))
                .thenReturn(new TokenPair("access", 900, "refresh", 2_592_000));

        http.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"buyer@example.com\", \"password\": \"correct horse battery\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andExpect(jsonPath("$.accessToken").value("access"));
    }
}
