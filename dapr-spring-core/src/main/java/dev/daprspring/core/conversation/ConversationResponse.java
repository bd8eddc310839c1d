package dev.daprspring.core.conversation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a conversation component answered.
 *
 * @param contextId the conversation's context id, when the request carried one
 * @param outputs the outputs (one per call with the components Dapr ships)
 */
public record ConversationResponse(@Nullable String contextId, List<ConversationOutput> outputs) {

	public ConversationResponse {
		outputs = List.copyOf(outputs);
	}

	/** The choices of all outputs, in order. */
	public List<ConversationChoice> choices() {
		return this.outputs.stream().flatMap((output) -> output.choices().stream()).toList();
	}

	/** The text of the first choice, or an empty string when there is none. */
	public String text() {
		List<ConversationChoice> choices = choices();
		return choices.isEmpty() ? "" : choices.get(0).content();
	}

}
