package org.consilium.notification.inbox;

import io.swagger.v3.oas.annotations.Operation;
import org.consilium.notification.access.NotificationAccess;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The in-app inbox of each user (their e-mail address), which only they may read (the token's e-mail). */
@RestController
@RequestMapping("/inbox/{user}")
public class InboxController {
    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "A user's delivered notifications, newest first, with the unread count")
    public Mono<InboxView> list(@Parameter(description = "the recipient's email address (case-insensitive)")
                                @PathVariable String user) {
        return NotificationAccess.checkInboxOwner(user)
                .then(inbox.of(user).map(messages -> InboxView.of(user, messages)));
    }

    @PostMapping("/{messageId}/read")
    @Operation(summary = "Mark a message read; marking it again keeps the first time")
    public Mono<InboxMessageView> read(@PathVariable String user, @PathVariable String messageId) {
        return NotificationAccess.checkInboxOwner(user).then(inbox.markRead(user, messageId).map(InboxMessageView::of));
    }
}
