package org.consilium.notification.webhook;

/**
 * What one attempt got back. Retried: no answer (connection refused, timeout) or 5xx, 408, 429.
 * A redirect or any other 4xx is final: the subscriber will refuse the same request again.
 */
record WebhookResponse(Integer status, String error) {

    static WebhookResponse of(int status) {
        return new WebhookResponse(status, status / 100 == 2 ? null : "HTTP " + status);
    }

    static WebhookResponse unreachable(Throwable e) {
        return new WebhookResponse(null, e.toString());
    }

    boolean delivered() {
        return status != null && status / 100 == 2;
    }

    boolean retryable() {
        return status == null || status >= 500 || status == 408 || status == 429;
    }
}
