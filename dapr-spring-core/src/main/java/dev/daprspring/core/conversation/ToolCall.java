package dev.daprspring.core.conversation;

import org.jspecify.annotations.Nullable;

/**
 * A function the model asks the application to call, or (in an assistant message sent
 * back) one it asked for earlier.
 *
 * @param id the call's id, which the {@link ConversationMessage#tool tool message}
 * answering it repeats, or {@code null} when the component gives none
 * @param name the function's name
 * @param arguments the arguments as the model wrote them, usually JSON (the
 * {@code conversation.echo} component writes the parameter names, comma-separated)
 */
public record ToolCall(@Nullable String id, String name, String arguments) {

}
