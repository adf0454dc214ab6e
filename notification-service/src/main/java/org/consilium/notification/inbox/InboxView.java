package org.consilium.notification.inbox;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A user's inbox: the unread count and every message, newest first. */
public record InboxView(String user, @Schema(description = "Messages not marked read") long unread,
                        List<InboxMessageView> messages) {

    static InboxView of(String user, List<InboxMessage> messages) {
        return new InboxView(InboxMessage.userKey(user), messages.stream().filter(m -> m.readAt().isEmpty()).count(),
                messages.stream().map(InboxMessageView::of).toList());
    }
}
