/**
 * Entity metadata: keyspaces (`@KeySpace`, the repository's keyspace, else the lower-camel simple class name), `@Version` and {@link dev.daprspring.data.mapping.TimeToLive}.
 */
@NullMarked
package dev.daprspring.data.mapping;

import org.jspecify.annotations.NullMarked;
