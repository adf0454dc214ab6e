package org.consilium.records.link;

import org.consilium.support.security.SignedLinkChain;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Requests that carry an upload link ({@code Upload-Link} header, or {@code ?link=} for a browser form) and no
 * bearer token are judged by this chain ({@link SignedLinkChain}): the link must be valid (else 401
 * {@code invalid-upload-link}), and it opens only the uploads of its own case: the multipart POST and the tus
 * discovery, create, HEAD and PATCH, and reads its case's missing items ({@link LinkChecklistController}). Everything else, any other case included, is 403.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "consilium.security.enabled", havingValue = "true")
public class UploadLinkSecurity {
    public static final String HEADER = "Upload-Link";
    public static final String PARAMETER = "link";
    static final SignedLinkChain UPLOAD_LINK = new SignedLinkChain("upload-link", HEADER, PARAMETER,
            UploadLinkGrant.CASE_CLAIM, "invalid-upload-link", "an upload link may only upload documents to its own case, not");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityWebFilterChain uploadLinkChain(ServerHttpSecurity http, UploadLinks links) {
        return UPLOAD_LINK.build(http, links::authenticate, doors -> doors
                .pathMatchers(HttpMethod.POST, "/cases/{caseId}/documents", "/cases/{caseId}/uploads")
                .access(UPLOAD_LINK.ownCase())
                .pathMatchers(HttpMethod.OPTIONS, "/cases/{caseId}/uploads").access(UPLOAD_LINK.ownCase())
                .pathMatchers(HttpMethod.HEAD, "/cases/{caseId}/uploads/*").access(UPLOAD_LINK.ownCase())
                .pathMatchers(HttpMethod.PATCH, "/cases/{caseId}/uploads/*").access(UPLOAD_LINK.ownCase())
                // what its page shows: the link's own case's missing items, nothing else of the case
                .pathMatchers(HttpMethod.GET, LinkChecklistController.PATH).authenticated());
    }
}
