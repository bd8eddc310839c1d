package dev.daprspring.data.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field holding how long an entity lives, sent to the sidecar as {@code ttlInSeconds}
 * with every save. The field is a {@link java.time.Duration} or a whole number of seconds;
 * {@code null} (or zero) means the entity lives for ever.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
public @interface TimeToLive {

}
