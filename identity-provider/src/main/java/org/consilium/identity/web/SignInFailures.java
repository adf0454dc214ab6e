package org.consilium.identity.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.consilium.identity.users.SignInDelayed;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * What the login form answers when a sign-in fails. A wrong password: back to the form ({@code /login?error},
 * "Invalid credentials"; Spring's default page shows no other message). A try that came during its wait: 429 with
 * Retry-After and the reason, so a person knows waiting helps and retyping the password does not.
 */
final class SignInFailures implements AuthenticationFailureHandler {
    private final AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException, ServletException {
        if (!(failure instanceof SignInDelayed delayed)) {
            wrongPassword.onAuthenticationFailure(request, response, failure);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(delayed.retryAfterSeconds()));
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // the message is ours (no user input in it), so it needs no escaping
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Please wait"
                + "</title></head><body><p role=\"alert\">" + delayed.getMessage() + "</p>"
                + "<p><a href=\"" + request.getContextPath() + "/login\">Back to the sign-in form</a></p></body></html>");
    }
}
