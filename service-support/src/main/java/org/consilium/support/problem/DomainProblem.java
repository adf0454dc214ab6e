package org.consilium.support.problem;

import org.springframework.http.HttpStatus;

/**
 * A request that the domain refuses, with the HTTP status and a stable problem type slug
 * (rendered as {@code urn:consilium:problem:<slug>}) that clients can branch on.
 */
public class DomainProblem extends RuntimeException {
    private final HttpStatus status;
    private final String slug;

    public DomainProblem(HttpStatus status, String slug, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
    }

    public static DomainProblem notFound(String what, String id) {
        return new DomainProblem(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " does not exist");
    }

    public static DomainProblem conflict(String slug, String detail) {
        return new DomainProblem(HttpStatus.CONFLICT, slug, detail);
    }

    public static DomainProblem badRequest(String slug, String detail) {
        return new DomainProblem(HttpStatus.BAD_REQUEST, slug, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }
}
