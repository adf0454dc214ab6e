package org.consilium.console.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.consilium.console.services.ServiceProblem;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * Back to the page a form was on (303, so a reload does not post again), with what was done for the page to confirm,
 * or a service's refusal for it to show.
 */
public final class BackTo {

    private BackTo() {
    }

    public static Mono<String> after(MultiValueMap<String, String> form, Mono<Void> action, String done) {
        String to = ReturnTo.safe(form.getFirst("returnTo"));
        return action.thenReturn(redirect(to, "done", done))
                .onErrorResume(ServiceProblem.class, problem -> Mono.just(redirect(to, "refused",
                        problem.title() + (problem.detail().isBlank() ? "" : ": " + problem.detail()))));
    }

    private static String redirect(String to, String parameter, String text) {
        return "redirect:" + to + (to.contains("?") ? "&" : "?") + parameter + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
