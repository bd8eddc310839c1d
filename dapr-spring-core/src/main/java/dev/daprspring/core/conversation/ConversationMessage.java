package dev.daprspring.core.conversation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One message of a conversation.
 *
 * @param role who said it
 * @param content its text (may be empty only for an assistant message with tool calls)
 * @param name the speaker's name, or for a tool message the tool's name; {@code null} if none
 * @param toolCalls the tools an assistant message asked to call; empty otherwise
 * @param toolCallId for a tool message, the id of the call it answers; {@code null} otherwise
 */
public record ConversationMessage(ConversationRole role, String content, @Nullable String name,
		List<ToolCall> toolCalls, @Nullable String toolCallId) {

	public ConversationMessage {
		toolCalls = List.copyOf(toolCalls);
		Assert.isTrue(toolCalls.isEmpty() || role == ConversationRole.ASSISTANT,
				"Only an assistant message carries tool calls");
		Assert.isTrue(role != ConversationRole.TOOL || (name != null && !name.isEmpty()),
				"A tool message needs the tool's name");
	}

	/** Instructions that frame the conversation. */
	public static ConversationMessage system(String content) {
		return new ConversationMessage(ConversationRole.SYSTEM, content, null, List.of(), null);
	}

	/** Instructions from the developer. */
	public static ConversationMessage developer(String content) {
		return new ConversationMessage(ConversationRole.DEVELOPER, content, null, List.of(), null);
	}

	/** What the user says. */
	public static ConversationMessage user(String content) {
		return new ConversationMessage(ConversationRole.USER, content, null, List.of(), null);
	}

	/** An earlier answer of the model, sent back as history. */
	public static ConversationMessage assistant(String content) {
		return new ConversationMessage(ConversationRole.ASSISTANT, content, null, List.of(), null);
	}

	/** An earlier answer of the model that asked for tool calls, sent back as history. */
	public static ConversationMessage assistant(String content, List<ToolCall> toolCalls) {
		return new ConversationMessage(ConversationRole.ASSISTANT, content, null, toolCalls, null);
	}

	/** The result of the tool call with this id. */
	public static ConversationMessage tool(@Nullable String toolCallId, String toolName, String content) {
		return new ConversationMessage(ConversationRole.TOOL, content, toolName, List.of(), toolCallId);
	}

}
