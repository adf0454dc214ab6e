package org.consilium.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/** Which {@link Required} parts of a message are missing; the components are looked up once per type. */
final class RequiredParts {

    private static final ClassValue<List<RecordComponent>> REQUIRED = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components == null ? List.of()
                    : Arrays.stream(components).filter(component -> component.isAnnotationPresent(Required.class)).toList();
        }
    };

    private RequiredParts() {
    }

    static List<String> missing(Object message) {
        return REQUIRED.get(message.getClass()).stream()
                .filter(component -> value(component, message) == null)
                .map(RecordComponent::getName)
                .toList();
    }

    private static Object value(RecordComponent component, Object message) {
        try {
            return component.getAccessor().invoke(message);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + message.getClass(), e);
        }
    }
}
