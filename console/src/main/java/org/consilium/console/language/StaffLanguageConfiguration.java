package org.consilium.console.language;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The application's MessageSource is the staff bundles (Thymeleaf's {@code #{key}}), and the exchange's locale is
 * the staff language. The patient's pages do not use either: they read their own bundles in their own language
 * ({@code patient.PatientWords}).
 */
@Configuration(proxyBeanMethods = false)
class StaffLanguageConfiguration {

    @Bean
    MessageSource messageSource() {
        return StaffWords.bundles();
    }

    @Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
    LocaleContextResolver localeContextResolver() {
        return new StaffLocales();
    }
}
