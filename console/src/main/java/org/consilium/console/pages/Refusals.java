package org.consilium.console.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Refused submissions, kept in the session for the page that shows them (Post/Redirect/Get): a refused form is
 * answered with a 303 to its page's own address plus {@code attempt=<key>}, so the browser never stays on the POST
 * address (a reload does not post again, the address bar is the page's), and the page shows what was typed and what
 * was wrong. Kept until the session ends, at most the last few, so reloading that page still shows them.
 */
@Component
public class Refusals {
    /** The query parameter that names a kept refusal. */
    public static final String PARAMETER = "attempt";
    private static final String ATTRIBUTE = Refusals.class.getName();
    private static final int KEPT = 8;

    /** Keeps {@code refused} in the session; the key for the page's address. */
    public Mono<String> keep(ServerWebExchange exchange, Object refused) {
        String key = UUID.randomUUID().toString();
        return exchange.getSession().doOnNext(session -> {
            synchronized (session) {
                Map<String, Object> kept = new LinkedHashMap<>(kept(session));
                kept.put(key, refused);
                while (kept.size() > KEPT) {
                    kept.remove(kept.keySet().iterator().next());
                }
                session.getAttributes().put(ATTRIBUTE, kept);
            }
        }).thenReturn(key);
    }

    /** The refusal kept under {@code key}, if it is of this type (a stale or forged key finds nothing). */
    public <T> Mono<Optional<T>> find(ServerWebExchange exchange, String key, Class<T> type) {
        if (key == null || key.isBlank()) {
            return Mono.just(Optional.empty());
        }
        return exchange.getSession().map(session -> Optional.ofNullable(kept(session).get(key))
                .filter(type::isInstance).map(type::cast));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kept(WebSession session) {
        Object kept = session.getAttributes().get(ATTRIBUTE);
        return kept instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
