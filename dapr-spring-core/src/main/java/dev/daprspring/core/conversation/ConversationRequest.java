package dev.daprspring.core.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A call to a conversation component: its messages in order, the tools the model may
 * ask for, and the options Dapr's conversation API takes. Built with
 * {@link #builder(String)}.
 */
public final class ConversationRequest {

	private final String component;

	private final List<ConversationMessage> messages;

	private final @Nullable Double temperature;

	private final boolean scrubPiiInputs;

	private final boolean scrubPiiOutputs;

	private final List<ConversationTool> tools;

	private final @Nullable String toolChoice;

	private final @Nullable String contextId;

	private final Map<String, String> metadata;

	private final Map<String, Object> parameters;

	private ConversationRequest(Builder builder) {
		this.component = builder.component;
		this.messages = List.copyOf(builder.messages);
		this.temperature = builder.temperature;
		this.scrubPiiInputs = builder.scrubPiiInputs;
		this.scrubPiiOutputs = builder.scrubPiiOutputs;
		this.tools = List.copyOf(builder.tools);
		this.toolChoice = builder.toolChoice;
		this.contextId = builder.contextId;
		this.metadata = Map.copyOf(builder.metadata);
		this.parameters = Map.copyOf(builder.parameters);
	}

	/** A request to the conversation component of this name. */
	public static Builder builder(String component) {
		return new Builder(component);
	}

	/** The conversation component's name. */
	public String component() {
		return this.component;
	}

	public List<ConversationMessage> messages() {
		return this.messages;
	}

	public @Nullable Double temperature() {
		return this.temperature;
	}

	public boolean scrubPiiInputs() {
		return this.scrubPiiInputs;
	}

	public boolean scrubPiiOutputs() {
		return this.scrubPiiOutputs;
	}

	public List<ConversationTool> tools() {
		return this.tools;
	}

	public @Nullable String toolChoice() {
		return this.toolChoice;
	}

	public @Nullable String contextId() {
		return this.contextId;
	}

	public Map<String, String> metadata() {
		return this.metadata;
	}

	public Map<String, Object> parameters() {
		return this.parameters;
	}

	/** Builds a {@link ConversationRequest}. */
	public static final class Builder {

		private final String component;

		private final List<ConversationMessage> messages = new ArrayList<>();

		private @Nullable Double temperature;

		private boolean scrubPiiInputs;

		private boolean scrubPiiOutputs;

		private final List<ConversationTool> tools = new ArrayList<>();

		private @Nullable String toolChoice;

		private @Nullable String contextId;

		private final Map<String, String> metadata = new LinkedHashMap<>();

		private final Map<String, Object> parameters = new LinkedHashMap<>();

		private Builder(String component) {
			Assert.hasText(component, "A conversation needs the name of a conversation component");
			this.component = component;
		}

		/** Adds a message; messages are sent in the order they are added. */
		public Builder message(ConversationMessage message) {
			this.messages.add(message);
			return this;
		}

		/** Adds messages in order. */
		public Builder messages(List<ConversationMessage> messages) {
			this.messages.addAll(messages);
			return this;
		}

		/** The sampling temperature (0 for the most deterministic answers). */
		public Builder temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return this;
		}

		/** Lets the sidecar replace PII (e-mail and IP addresses, phone and card numbers, ...) in inputs and outputs. */
		public Builder scrubPii(boolean scrub) {
			this.scrubPiiInputs = scrub;
			this.scrubPiiOutputs = scrub;
			return this;
		}

		/** Lets the sidecar replace PII in the messages before the component sees them. */
		public Builder scrubPiiInputs(boolean scrub) {
			this.scrubPiiInputs = scrub;
			return this;
		}

		/** Lets the sidecar replace PII in the answers before the application sees them. */
		public Builder scrubPiiOutputs(boolean scrub) {
			this.scrubPiiOutputs = scrub;
			return this;
		}

		/** Offers the model a tool it may ask to call. */
		public Builder tool(ConversationTool tool) {
			this.tools.add(tool);
			return this;
		}

		/** Offers the model tools. */
		public Builder tools(List<ConversationTool> tools) {
			this.tools.addAll(tools);
			return this;
		}

		/**
		 * {@code auto} (the sidecar's default when tools are given), {@code none},
		 * {@code required}, or the name of one of the tools.
		 */
		public Builder toolChoice(@Nullable String toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		/** The id of the conversation this call continues; the response repeats it. */
		public Builder contextId(@Nullable String contextId) {
			this.contextId = contextId;
			return this;
		}

		/** Request metadata, handed by the sidecar to the component (and by most components to the provider). */
		public Builder metadata(String key, String value) {
			this.metadata.put(key, value);
			return this;
		}

		/**
		 * A request parameter (a string, boolean or number), for example {@code model}. daprd
		 * 1.17 forwards the parameters of the alpha1 API only; on {@code ConverseAlpha2} the
		 * component's own metadata decides.
		 */
		public Builder parameter(String key, Object value) {
			Assert.isTrue(value instanceof String || value instanceof Boolean || value instanceof Number,
					() -> "Parameter '" + key + "' must be a string, boolean or number, not "
							+ value.getClass().getName());
			this.parameters.put(key, value);
			return this;
		}

		public ConversationRequest build() {
			return new ConversationRequest(this);
		}

	}

}
