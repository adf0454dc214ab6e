package org.consilium.console.casepage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * A new upload link's address, handed from the POST that made it to the page that shows it (Post/Redirect/Get), once.
 * The address carries the link's token, a credential: it goes through the server's session, never the query string
 * (browser history, logs, a Referer), and is gone from the session once shown; records never shows it again either.
 */
@Component
class IssuedLinks {
    static final String PARAMETER = "issued";
    private static final String ATTRIBUTE = IssuedLinks.class.getName();
    private static final int KEPT = 4;

    Mono<String> keep(ServerWebExchange exchange, UploadLink.Issued issued) {
        String key = UUID.randomUUID().toString();
        return exchange.getSession().doOnNext(session -> {
            synchronized (session) {
                Map<String, UploadLink.Issued> kept = new LinkedHashMap<>(kept(session));
                kept.put(key, issued);
                while (kept.size() > KEPT) {
                    kept.remove(kept.keySet().iterator().next());
                }
                session.getAttributes().put(ATTRIBUTE, kept);
            }
        }).thenReturn(key);
    }

    /** The link kept under {@code key}, removed as it is read: a reload no longer shows it. */
    Mono<Optional<UploadLink.Issued>> take(ServerWebExchange exchange, String key) {
        if (key == null || key.isBlank()) {
            return Mono.just(Optional.empty());
        }
        return exchange.getSession().map(session -> {
            synchronized (session) {
                Map<String, UploadLink.Issued> kept = new LinkedHashMap<>(kept(session));
                Optional<UploadLink.Issued> found = Optional.ofNullable(kept.remove(key));
                session.getAttributes().put(ATTRIBUTE, kept);
                return found;
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, UploadLink.Issued> kept(WebSession session) {
        Object kept = session.getAttributes().get(ATTRIBUTE);
        return kept instanceof Map<?, ?> map ? (Map<String, UploadLink.Issued>) map : Map.of();
    }
}
