package org.consilium.e2e;

import org.consilium.identity.testing.DemoLogin;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The people of the journeys, signed in at the stack's identity provider the way a browser signs in
 * (DemoLogin: authorization code with PKCE). A token is reused until it is close to its 30-minute
 * lifetime, so a journey signs each person in once.
 */
final class DemoUsers {
    static final String COORDINATOR = "cora.nolan";
    static final String SECOND_COORDINATOR = "ana.okafor";
    static final String REFERRER = "dr.rivera";
    static final String OPS = "ops.kim";
    private static final Duration REUSE = Duration.ofMinutes(20);

    private record Token(String value, Instant obtained) {
    }

    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private DemoUsers() {
    }

    /** A new stack (another data dir) signs with another key: the tokens of the one before mean nothing there. */
    static void forgetTokens() {
        TOKENS.clear();
    }

    /** An {@code Authorization} header value for the demo user. */
    static String bearer(String username) {
        Token token = TOKENS.compute(username, (user, held) -> held != null
                && held.obtained().plus(REUSE).isAfter(Instant.now()) ? held
                : new Token(new DemoLogin(URI.create(RunningStack.url(9000, ""))).accessToken(user), Instant.now()));
        return "Bearer " + token.value();
    }
}
