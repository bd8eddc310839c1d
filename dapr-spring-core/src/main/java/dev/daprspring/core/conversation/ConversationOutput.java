package dev.daprspring.core.conversation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One output of a conversation call.
 *
 * @param choices the model's answers
 * @param model the model that answered, if the component says
 * @param usage the tokens counted, if the component says
 */
public record ConversationOutput(List<ConversationChoice> choices, @Nullable String model,
		@Nullable ConversationUsage usage) {

	public ConversationOutput {
		choices = List.copyOf(choices);
	}

}
