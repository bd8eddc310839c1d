/**
 * Dapr conversation as a Spring AI {@link org.springframework.ai.chat.model.ChatModel}:
 * code written against Spring AI's {@code ChatModel} or {@code ChatClient} talks to a
 * Dapr conversation component. Spring AI is an optional dependency; nothing outside this
 * package refers to it.
 */
@NullMarked
package dev.daprspring.core.conversation.ai;

import org.jspecify.annotations.NullMarked;
