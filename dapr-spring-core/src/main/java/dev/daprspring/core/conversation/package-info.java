/**
 * Conversation with large language models through a Dapr conversation component: send
 * role-tagged messages (and tools a model may call) with
 * {@link dev.daprspring.core.conversation.ConversationOperations}, read the choices, tool
 * calls and token usage back. The component (OpenAI, Anthropic, Ollama, ... or
 * {@code conversation.echo} for tests) picks the model; the sidecar can scrub PII from
 * inputs and outputs.
 */
@NullMarked
package dev.daprspring.core.conversation;

import org.jspecify.annotations.NullMarked;
