package org.consilium.identity.users;

import java.time.Clock;

import org.consilium.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The demo users as Spring Security accounts, checked behind the {@link LoginThrottle}; the claims come from
 * {@link DemoUsers}, not from these.
 */
@Configuration(proxyBeanMethods = false)
class UserAccounts {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LoginThrottle loginThrottle(LoginLimits limits, Clock clock) {
        return new LoginThrottle(limits, clock);
    }

    /** The one provider of the login form (a bean of this type is what Spring Security's form login uses). */
    @Bean
    AuthenticationProvider throttledPasswords(IdentityProperties properties, PasswordEncoder encoder, LoginThrottle throttle) {
        // one hash for all: every user has the same demo password, and bcrypt is slow on purpose
        String hash = encoder.encode(properties.demoPassword());
        InMemoryUserDetailsManager accounts = new InMemoryUserDetailsManager(DemoUsers.ALL.stream()
                .map(user -> User.withUsername(user.username())
                        .password(hash)
                        .roles(user.roles().stream().map(String::toUpperCase).toArray(String[]::new))
                        .build())
                .toList());
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledSignIn(passwords, throttle);
    }
}
