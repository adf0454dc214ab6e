package org.consilium.support.input;

import org.consilium.events.text.FieldProblem;
import org.consilium.events.text.PlainText;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.consilium.support.problem.ProblemHandlers;
import org.consilium.support.web.UnreadBody;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of the URL under the same rules as a body, single-line: every query parameter (name and
 * value, as decoded) and every path segment, so that a {@code @RequestParam} or {@code @PathVariable}
 * never carries a control or bidirectional character into a query, a log line or a stored id. One
 * filter for every endpoint instead of a check per parameter. Bytes that are not UTF-8 are refused
 * before decoding hides them ({@link PercentEncoding}). A refusal is the 400 {@code validation}
 * problem, the parameter named (the path as {@code path}).
 */
public class PlainTextParameters implements WebFilter {
    private final ObjectMapper json;

    public PlainTextParameters(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<FieldProblem> problems = problems(exchange.getRequest());
        return problems.isEmpty() ? chain.filter(exchange) : refuse(exchange, problems);
    }

    static List<FieldProblem> problems(ServerHttpRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (PathContainer.Element element : request.getPath().pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                String problem = PercentEncoding.problem(segment.value());
                problem = problem != null ? problem : PlainText.problemInLine(segment.valueToMatch());
                if (problem != null) {
                    problems.add(new FieldProblem("path", problem));
                    break;
                }
            }
        }
        String rawQuery = request.getURI().getRawQuery();
        if (PercentEncoding.problem(rawQuery) != null) {
            problems.add(new FieldProblem("query", PercentEncoding.problem(rawQuery)));
            return problems;
        }
        request.getQueryParams().forEach((name, values) -> {
            String problem = PlainText.problemInLine(name);
            for (int i = 0; problem == null && i < values.size(); i++) {
                problem = PlainText.problemInLine(values.get(i));
            }
            if (problem != null) {
                problems.add(new FieldProblem(PlainText.problemInLine(name) == null ? name : "query", problem));
            }
        });
        return problems;
    }

    private Mono<Void> refuse(ServerWebExchange exchange, List<FieldProblem> problems) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.BAD_REQUEST);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body;
        try {
            body = json.writeValueAsBytes(ProblemHandlers.validation(problems, exchange.getRequest().getPath().value()));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        return UnreadBody.discard(exchange.getRequest())
                .then(response.writeWith(Mono.just(response.bufferFactory().wrap(body))));
    }
}
