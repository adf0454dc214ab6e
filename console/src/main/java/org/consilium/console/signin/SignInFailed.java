package org.consilium.console.signin;

import java.net.URI;
import java.util.regex.Pattern;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * A sign-in that came back from the provider but did not finish: the provider did not answer in time
 * ({@link ProviderCalls}), refused the code, or the ID token did not check out. The page says which in words and
 * offers to try again, instead of Spring's bare {@code /login?error}. Only the OAuth2 error code travels in the
 * address (letters and underscores), never a message an attacker could have written.
 */
@Controller
class SignInFailed {
    private static final Pattern CODE = Pattern.compile("[a-z_]{1,64}");

    @GetMapping(ConsoleSecurity.SIGN_IN_FAILED)
    String page(@RequestParam(name = "error", required = false) String error, Model model) {
        String code = error != null && CODE.matcher(error).matches() ? error : "unknown";
        model.addAttribute("code", code);
        model.addAttribute("noAnswer", ProviderCalls.NO_ANSWER.equals(code));
        model.addAttribute("timedOut", SignInCallbackBound.TIMED_OUT.equals(code));
        return "sign-in-failed";
    }

    /** oauth2Login's failure handler: to the page above with the error's code. */
    static final class Redirect implements ServerAuthenticationFailureHandler {
        private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

        @Override
        public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException failure) {
            String code = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "unknown";
            URI page = UriComponentsBuilder.fromPath(ConsoleSecurity.SIGN_IN_FAILED).queryParam("error", code).build().toUri();
            return redirect.sendRedirect(exchange.getExchange(), page);
        }
    }
}
