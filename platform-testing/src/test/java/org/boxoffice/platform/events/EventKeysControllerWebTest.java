package org.boxoffice.platform.events;

import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.KeyPair;
import java.util.List;

import org.boxoffice.platform.testing.WebSliceInitializer;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public keys a producer signs its events with: open without a token, like the JWKS, the signing key first and a
 * key still published after a rotation next. It takes no input and has no admin action, so there is nothing to
 * validate and no role to refuse; what else reaches it is the platform's problem answer.
 */
@WebSliceTest(EventKeysController.class)
@ContextConfiguration(classes = EventKeysControllerWebTest.Keys.class, initializers = WebSliceInitializer.class)
class EventKeysControllerWebTest {

    private static final KeyPair SIGNING = EventKeys.generate();
    private static final KeyPair BEFORE_ROTATION = EventKeys.generate();

    @Configuration(proxyBeanMethods = false)
    /** The controller as the events auto-configuration makes it, without the auto-configuration's stores. */
    static class Keys {

        @Bean
        EventKeysController eventKeysController() {
            return new EventKeysController("booking-service", new EventSigner(SIGNING.getPrivate()),
                    List.of(BEFORE_ROTATION.getPublic()));
        }
    }

    @Autowired
    private MockMvc http;

    @Test
    void publishesTheSigningKeyThenTheOneStillPublishedWithoutAToken() throws Exception {
        http.perform(get(EventKeysController.PATH))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-cache"))
                .andExpect(jsonPath("$.producer").value("booking-service"))
                .andExpect(jsonPath("$.algorithm").value(EventKeys.ALGORITHM))
                .andExpect(jsonPath("$.keys[0].kid").value(EventKeys.keyId(SIGNING.getPublic())))
                .andExpect(jsonPath("$.keys[0].key").value(EventKeys.encode(SIGNING.getPublic())))
                .andExpect(jsonPath("$.keys[1].kid").value(EventKeys.keyId(BEFORE_ROTATION.getPublic())))
                .andExpect(jsonPath("$.keys.length()").value(2));
    }

    @Test
    void answersAWriteWithAMethodNotAllowedProblem() throws Exception {
        http.perform(post(EventKeysController.PATH))
                .andExpect(problem(405, "method-not-allowed"));
    }
}
