package dev.daprspring.core.conversation;

import java.util.List;

/**
 * One answer of the model.
 *
 * @param index its position among the output's choices
 * @param finishReason why the model stopped, as the component reports it (OpenAI's
 * vocabulary: {@code stop}, {@code length}, {@code tool_calls}, {@code content_filter});
 * empty when it gives none
 * @param content the text, scrubbed when PII scrubbing of outputs was asked for
 * @param toolCalls the tools the model asks the application to call
 */
public record ConversationChoice(long index, String finishReason, String content, List<ToolCall> toolCalls) {

	public ConversationChoice {
		toolCalls = List.copyOf(toolCalls);
	}

}
