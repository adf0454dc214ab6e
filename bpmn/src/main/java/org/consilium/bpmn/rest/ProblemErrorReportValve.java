package org.consilium.bpmn.rest;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat refuses some URLs itself, before any filter or servlet: an encoded slash ({@code %2F}), a NUL,
 * bytes that are not UTF-8. Its error report valve answered those with an HTML page (e2e's
 * HostileInputTest). This valve answers them, and any other error that reaches Tomcat without a body,
 * as the 400-class problem document of the API, {@code urn:consilium:problem:validation} naming the path
 * for a 400. An error that already has a body (Spring's, Camunda's) is left as it is.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String instance = json(String.valueOf(request.getRequestURI()));
        String body = status == 400
                ? "{\"type\":\"urn:consilium:problem:validation\",\"title\":\"Invalid request\",\"status\":400,"
                + "\"detail\":\"1 field(s) are invalid: path is not a valid URL here\",\"instance\":\"" + instance
                + "\",\"errors\":[{\"field\":\"path\",\"message\":\"is not a valid URL here (an encoded slash, a NUL or bytes that are not UTF-8)\"}]}"
                : "{\"type\":\"urn:consilium:problem:" + (status < 500 ? "bad-request" : "internal-error") + "\",\"status\":"
                + status + ",\"instance\":\"" + instance + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more to say
        }
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ");
    }
}
