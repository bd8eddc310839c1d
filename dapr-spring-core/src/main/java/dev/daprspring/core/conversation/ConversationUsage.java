package dev.daprspring.core.conversation;

/**
 * Tokens the component counted for one output.
 *
 * @param promptTokens tokens of the input
 * @param completionTokens tokens of the answer
 * @param totalTokens both together
 */
public record ConversationUsage(long promptTokens, long completionTokens, long totalTokens) {

}
