package org.consilium.identity.users;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The login form's password check behind the {@link LoginThrottle}: a try that must still wait is refused before
 * its password is looked at (so it costs no bcrypt either), one that is admitted is checked as usual.
 */
final class ThrottledSignIn implements AuthenticationProvider {
    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledSignIn(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = address(attempt);
        Optional<LoginThrottle.Wait> wait = throttle.admit(attempt.getName(), address);
        if (wait.isPresent()) {
            throw new SignInDelayed(wait.get());
        }
        // a wrong password throws here and stays counted as the failure admit() recorded
        Authentication signedIn = passwords.authenticate(attempt);
        throttle.succeeded(attempt.getName(), address);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * The form post's remote address: the peer of the connection. Behind a reverse proxy that is the proxy,
     * unless the server is told to trust its X-Forwarded-For (server.forward-headers-strategy); not set here,
     * as anyone could then pick a fresh address per guess.
     */
    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "";
    }
}
