/**
 * The key-value adapter and template that store repository entities through the sidecar's
 * state API: an entity is plain JSON at {@code <keyspace>:<id>}, enumerated through the index
 * documents of {@link dev.daprspring.data.index}, with {@code @Version} checked and guarded by
 * the entity's ETag.
 */
@NullMarked
package dev.daprspring.data.core;

import org.jspecify.annotations.NullMarked;
