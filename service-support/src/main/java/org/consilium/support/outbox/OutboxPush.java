package org.consilium.support.outbox;

import org.bson.Document;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.mapping.event.ReactiveAfterSaveCallback;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Every aggregate saved through the template (a repository's {@code save} or {@code insert} included) with entries in its
 * outbox is handed to the relay as soon as the store acknowledged the save: the event leaves now, not at the next poll
 * (issue 16). A write that is not a save (an update that pushes entries, as records' store does) calls
 * {@link OutboxRelay#relaySoon} itself.
 */
public final class OutboxPush implements ReactiveAfterSaveCallback<Object> {
    /** Looked up at the first save: the template takes its callbacks when it is made, and the relay needs the template. */
    private final ObjectProvider<OutboxRelay> relays;

    public OutboxPush(ObjectProvider<OutboxRelay> relays) {
        this.relays = relays;
    }

    @Override
    public Publisher<Object> onAfterSave(Object entity, Document document, String collection) {
        OutboxRelay relay = relays.getObject();
        if (relay.relays(collection) && document.get("outbox") instanceof List<?> outbox && !outbox.isEmpty()) {
            relay.relaySoon(collection, document.get("_id"));
        }
        return Mono.just(entity);
    }
}
