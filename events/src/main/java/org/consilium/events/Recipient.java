package org.consilium.events;

/** Who a notification or report goes to, and in which language it is written. */
public record Recipient(String name, String email, String language) {
}
