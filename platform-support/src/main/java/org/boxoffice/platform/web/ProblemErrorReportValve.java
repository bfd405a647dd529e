package org.boxoffice.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.problem.Problems;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on a request Spring never saw — a request line or headers over the limit, a URI Tomcat cannot
 * decode — written as an RFC 9457 problem instead of Tomcat's HTML page. Errors inside the application still go to
 * {@link ProblemErrorController}; this valve answers only what reaches it unanswered.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    static final String BAD_REQUEST_DETAIL = "The request line, a header or the URI is malformed or too large.";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemType type = status == 400 ? ProblemType.BAD_REQUEST : ProblemType.forStatus(status);
        String detail = switch (status) {
            case 400 -> BAD_REQUEST_DETAIL;
            case 414 -> "The URI is too long.";
            case 431 -> "The request headers are too large.";
            default -> status >= 500 ? "An unexpected error occurred." : type.title() + ".";
        };
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(Problems.toJson(Problems.of(type, detail))));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot be written any more: nothing left to tell it.
        }
    }
}
