package org.boxoffice.user.verification.web;

import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.boxoffice.user.verification.EmailVerification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Verifying the caller's email address: the code's shape checked at the edge, the caller's own account only. */
@WebSliceTest(EmailVerificationController.class)
class EmailVerificationControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private EmailVerification verification;

    @Test
    void refusesACodeThatIsNotSixDigitsNamingItAndSpendsNoAttempt() throws Exception {
        http.perform(post("/api/v1/users/me/email-verification/confirm")
                        .header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"12ab56\"}"))
                .andExpect(problem(400, "validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("code"));

        verifyNoInteractions(verification);
    }

    @Test
    void answersACallerWithoutATokenWithA401ProblemAndSendsNoCode() throws Exception {
        http.perform(post("/api/v1/users/me/email-verification"))
                .andExpect(problem(401, "unauthenticated"));

        verifyNoInteractions(verification);
    }
}
