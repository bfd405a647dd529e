package org.boxoffice.notification.preference.web;

import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import org.boxoffice.notification.preference.PhoneVerification;
import org.boxoffice.notification.preference.PreferenceService;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The caller's own preferences: each bad field named, nothing saved from a refused request, a token required. */
@WebSliceTest(PreferenceController.class)
class PreferenceControllerWebTest {

    private static final String PREFERENCES = "/api/v1/notifications/preferences";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private PreferenceService preferences;
    @MockitoBean
    private PhoneVerification verification;

    @Test
    void refusesALanguageNameAPhoneNotInE164AndAMissingOptInNamingEachFieldAndSavesNothing() throws Exception {
        http.perform(put(PREFERENCES).header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"locale\": \"German\", \"whatsappOptIn\": true, \"phone\": \"0151 1234567\"}"))
                .andExpect(fieldsRefused("locale", "smsOptIn", "phone"));

        verifyNoInteractions(preferences);
    }

    @Test
    void refusesACodeThatIsNotSixDigitsNamingItAndConfirmsNothing() throws Exception {
        http.perform(post(PREFERENCES + "/phone-verification/confirm").header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"12345\"}"))
                .andExpect(fieldsRefused("code"));

        verifyNoInteractions(verification);
    }

    @Test
    void answersACallerWithoutATokenWithA401Problem() throws Exception {
        http.perform(get(PREFERENCES))
                .andExpect(problem(401, "unauthenticated"));

        verifyNoInteractions(preferences);
    }
}
