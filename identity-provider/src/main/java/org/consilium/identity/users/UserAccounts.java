package org.consilium.identity.users;

import org.consilium.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The demo users as Spring Security accounts; the claims come from {@link DemoUsers}, not from these. */
@Configuration(proxyBeanMethods = false)
class UserAccounts {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(IdentityProperties properties, PasswordEncoder encoder, LoginThrottle throttle) {
        // one hash for all: every user has the same demo password, and bcrypt is slow on purpose
        String hash = encoder.encode(properties.demoPassword());
        InMemoryUserDetailsManager accounts = new InMemoryUserDetailsManager(DemoUsers.ALL.stream()
                .map(user -> User.withUsername(user.username())
                        .password(hash)
                        .roles(user.roles().stream().map(String::toUpperCase).toArray(String[]::new))
                        .build())
                .toList());
        // a locked account is refused before its password is even checked (LoginThrottle)
        return username -> {
            UserDetails account = accounts.loadUserByUsername(username);
            return throttle.isLocked(username) ? User.withUserDetails(account).accountLocked(true).build() : account;
        };
    }
}
