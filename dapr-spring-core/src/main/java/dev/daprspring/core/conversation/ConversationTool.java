package dev.daprspring.core.conversation;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A function the model may ask to call.
 *
 * @param name the function's name
 * @param description what it does, for the model, or {@code null}
 * @param parameters the JSON schema of its arguments as a map (for example
 * {@code {"type":"object","properties":{"city":{"type":"string"}}}}); empty for none
 */
public record ConversationTool(String name, @Nullable String description, Map<String, Object> parameters) {

	public ConversationTool {
		Assert.hasText(name, "A tool needs a name");
		parameters = Map.copyOf(parameters);
	}

	/** A function tool. */
	public static ConversationTool function(String name, @Nullable String description,
			Map<String, Object> parameters) {
		return new ConversationTool(name, description, parameters);
	}

}
