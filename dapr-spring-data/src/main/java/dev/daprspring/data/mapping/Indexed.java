package dev.daprspring.data.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a property whose values the repository indexes: it keeps, per value, the ids of the
 * entities holding it, so that derived queries on equality with the property
 * ({@code findByStatus}, {@code countByStatusAndCustomerId}…) read only those entities instead
 * of the whole keyspace. The property is a top-level String, number (whole), Boolean,
 * Character, UUID or enum; {@code null} values are not indexed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
public @interface Indexed {

}
