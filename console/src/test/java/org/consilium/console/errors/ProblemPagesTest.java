package org.consilium.console.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.consilium.console.services.ServiceProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.result.view.Rendering;

class ProblemPagesTest {
    private final ProblemPages pages = new ProblemPages("2.0.8", new org.consilium.console.signin.Stylesheet());
    private final ServiceProblem notFound = new ServiceProblem(404, "urn:consilium:problem:case-not-found",
            "Case not found", "No case case-x");

    @Test
    void aBrowserGetsThePageWithTheServicesStatusAndWords() {
        Object answer = pages.serviceSaidNo(notFound, exchange(MediaType.TEXT_HTML));

        assertThat(answer).isInstanceOfSatisfying(Rendering.class, page -> {
            assertThat(page.view()).isEqualTo("error");
            assertThat(page.status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(page.modelAttributes()).containsEntry("title", "Case not found").containsEntry("detail", "No case case-x");
        });
    }

    @Test
    void aClientAskingForJsonGetsProblemDetails() {
        Object answer = pages.serviceSaidNo(notFound, exchange(MediaType.APPLICATION_JSON));

        assertThat(answer).isInstanceOfSatisfying(ResponseEntity.class, entity -> {
            assertThat(entity.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(entity.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            ProblemDetail body = (ProblemDetail) entity.getBody();
            assertThat(body.getType().toString()).isEqualTo("urn:consilium:problem:case-not-found");
            assertThat(body.getTitle()).isEqualTo("Case not found");
        });
    }

    @Test
    void aServiceThatDoesNotAnswerIsA503ThatSaysSo() {
        Object answer = pages.serviceDidNotAnswer(new WebClientRequestException(new java.net.ConnectException("refused"),
                org.springframework.http.HttpMethod.GET, java.net.URI.create("http://intake/cases/x"),
                new org.springframework.http.HttpHeaders()), exchange(MediaType.TEXT_HTML));

        assertThat(answer).isInstanceOfSatisfying(Rendering.class, page -> {
            assertThat(page.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(page.modelAttributes()).containsEntry("title", "A service did not answer");
        });
    }

    private static MockServerWebExchange exchange(MediaType accept) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/cases/case-x").accept(accept));
    }
}
