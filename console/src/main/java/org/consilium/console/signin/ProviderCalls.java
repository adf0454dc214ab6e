package org.consilium.console.signin;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.consilium.console.ConsoleProperties;
import org.consilium.console.services.BoundedCalls;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The calls the console makes to the identity provider while someone signs in (the code exchanged for tokens, the
 * user info, the keys that check the ID token) and later (a token refreshed), each bounded like every call to a
 * service ({@link BoundedCalls}). Spring's defaults wait for an answer without end: a provider that stalls would
 * leave the browser on a blank sign-in for as long as it stalls. Bounded, the person lands on
 * {@code /sign-in-failed} saying the provider did not answer, with a way to try again.
 */
@Configuration(proxyBeanMethods = false)
class ProviderCalls {
    /** The OAuth2 error code of a provider that did not answer in time; {@link SignInFailed} words it. */
    static final String NO_ANSWER = "provider_did_not_answer";

    @Bean
    ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeExchange(ConsoleProperties properties) {
        WebClientReactiveAuthorizationCodeTokenResponseClient exchange = new WebClientReactiveAuthorizationCodeTokenResponseClient();
        exchange.setWebClient(bounded(properties));
        return request -> exchange.getTokenResponse(request).onErrorMap(ProviderCalls::noAnswer, ProviderCalls::asSignInFailure);
    }

    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUsers(ConsoleProperties properties) {
        DefaultReactiveOAuth2UserService userInfo = new DefaultReactiveOAuth2UserService();
        userInfo.setWebClient(bounded(properties));
        OidcReactiveOAuth2UserService users = new OidcReactiveOAuth2UserService();
        users.setOauth2UserService(userInfo);
        return request -> users.loadUser(request).onErrorMap(ProviderCalls::noAnswer, ProviderCalls::asSignInFailure);
    }

    /** The provider's keys are read once per key set; that read may stall like any other, so the check is bounded. */
    @Bean
    ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoders(ConsoleProperties properties) {
        ReactiveOidcIdTokenDecoderFactory decoders = new ReactiveOidcIdTokenDecoderFactory();
        Duration within = properties.callTimeout();
        return registration -> {
            ReactiveJwtDecoder decoder = decoders.createDecoder(registration);
            return token -> decoder.decode(token).timeout(within)
                    .onErrorMap(ProviderCalls::noAnswer, ProviderCalls::asSignInFailure);
        };
    }

    /** Renewing an access token before a call (SessionTokens): bounded too; a failure there asks to sign in again. */
    static ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refresh(ConsoleProperties properties) {
        WebClientReactiveRefreshTokenTokenResponseClient refresh = new WebClientReactiveRefreshTokenTokenResponseClient();
        refresh.setWebClient(bounded(properties));
        return refresh;
    }

    private static WebClient bounded(ConsoleProperties properties) {
        return WebClient.builder().clientConnector(BoundedCalls.connector(properties.callTimeout())).build();
    }

    private static boolean noAnswer(Throwable failure) {
        return failure instanceof WebClientRequestException || failure instanceof TimeoutException;
    }

    private static Throwable asSignInFailure(Throwable failure) {
        return new OAuth2AuthenticationException(new OAuth2Error(NO_ANSWER,
                "The identity provider did not answer: " + failure.getMessage(), null), failure);
    }
}
