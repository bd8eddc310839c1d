/**
 * Auto-configuration of Dapr conversation as a Spring AI chat model.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.conversation;

import org.jspecify.annotations.NullMarked;
