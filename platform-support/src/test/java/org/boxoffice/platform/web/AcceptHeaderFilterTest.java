package org.boxoffice.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptHeaderFilterTest {

    private final AcceptHeaderFilter filter = new AcceptHeaderFilter(JsonMapper.builder().build());

    @Test
    void refusesAnUnparseableAcceptHeaderWithA400ProblemNamingIt() throws Exception {
        for (String accept : new String[] { "garbage/;;;", "text/html;q=abc", "*/*;q=-1", "application/json;charset=bogus" }) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/orders");
            request.addHeader("Accept", accept);

            filter.doFilter(request, response, chain);

            assertThat(response.getStatus()).as(accept).isEqualTo(400);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getContentAsString()).contains("https://boxoffice.dev/problems/invalid-parameter")
                    .contains("\"parameter\":\"Accept\"");
            assertThat(chain.getRequest()).as("the request went no further").isNull();
        }
    }

    @Test
    void refusesAWriteWhoseAcceptAdmitsNoJsonBeforeItRunsButLetsAReadFindOut() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletRequest patch = new MockHttpServletRequest("PATCH", "/api/v1/users/me");
        patch.addHeader("Accept", "application/xml");

        filter.doFilter(patch, response, chain);

        assertThat(response.getStatus()).isEqualTo(406);
        assertThat(response.getContentAsString()).contains("https://boxoffice.dev/problems/not-acceptable");
        assertThat(chain.getRequest()).as("the write never ran").isNull();

        MockFilterChain readChain = new MockFilterChain();
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/v1/users/me");
        get.addHeader("Accept", "application/xml");
        filter.doFilter(get, new MockHttpServletResponse(), readChain);
        assertThat(readChain.getRequest()).isNotNull();
    }

    @Test
    void passesValidAndMissingAcceptHeadersOn() throws Exception {
        for (String accept : new String[] { "application/json", "application/xml, */*;q=0.1", "application/*",
                "application/problem+json", null }) {
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/orders");
            if (accept != null) {
                request.addHeader("Accept", accept);
            }

            filter.doFilter(request, new MockHttpServletResponse(), chain);

            assertThat(chain.getRequest()).as(String.valueOf(accept)).isNotNull();
        }
    }
}
