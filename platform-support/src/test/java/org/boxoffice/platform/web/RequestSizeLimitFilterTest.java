package org.boxoffice.platform.web;

import org.boxoffice.platform.problem.PayloadTooLarge;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestSizeLimitFilterTest {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(16, JsonMapper.builder().build());

    /** Stands in for a controller: reads the whole body. */
    private static final HttpServlet READER = new HttpServlet() {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
            request.getInputStream().readAllBytes();
            response.setStatus(204);
        }
    };

    @Test
    void rejectsADeclaredOversizeBodyBeforeReadingIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/holds");
        request.setContent(new byte[17]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain(READER);

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"type\":\"https://boxoffice.dev/problems/payload-too-large\"")
                .contains("\"limitBytes\":16");
        assertThat(chain.getRequest()).as("the controller never saw the request").isNull();
    }

    @Test
    void stopsAChunkedBodyOnceItPassesTheLimit() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/holds") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(new byte[64]);

        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain(READER)))
                .isInstanceOf(PayloadTooLarge.class);
    }

    @Test
    void passesABodyWithinTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/holds");
        request.setContent(new byte[16]);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain(READER));

        assertThat(response.getStatus()).isEqualTo(204);
    }
}
