package org.consilium.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A part of a message no consumer can act without. A record whose JSON lacks it (or sends {@code null}) is refused
 * when read ({@link CloudEventCodec#read}): it is a poison record, dead-lettered at once with the missing parts named,
 * never applied with a hole in it (a case with no cancer type, a meeting with no time). Only parts every producer of
 * every release has always sent are marked; a part added later stays optional, as the additive evolution of the
 * contract requires. Primitives cannot be told absent from zero and are not marked.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Required {
}
