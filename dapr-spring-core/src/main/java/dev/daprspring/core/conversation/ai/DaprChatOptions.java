package dev.daprspring.core.conversation.ai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * Spring AI chat options with what Dapr's conversation API adds: PII scrubbing of inputs
 * and outputs, a context id and request metadata. Of the portable options Dapr takes the
 * temperature and the tools; the model is sent as the request parameter {@code model}
 * (daprd 1.17 leaves the choice to the component's {@code model} metadata).
 */
public class DaprChatOptions extends DefaultToolCallingChatOptions {

	private final @Nullable Boolean scrubPiiInputs;

	private final @Nullable Boolean scrubPiiOutputs;

	private final @Nullable String contextId;

	private final Map<String, String> metadata;

	protected DaprChatOptions(Builder builder, Portable portable) {
		super(portable.toolCallbacks(), portable.toolContext(), portable.model(), portable.frequencyPenalty(),
				portable.maxTokens(), portable.presencePenalty(), portable.stopSequences(), portable.temperature(),
				portable.topK(), portable.topP());
		this.scrubPiiInputs = builder.scrubPiiInputs;
		this.scrubPiiOutputs = builder.scrubPiiOutputs;
		this.contextId = builder.contextId;
		this.metadata = Map.copyOf(builder.metadata);
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Whether the sidecar scrubs PII from the messages; {@code null} when not set here. */
	public @Nullable Boolean getScrubPiiInputs() {
		return this.scrubPiiInputs;
	}

	/** Whether the sidecar scrubs PII from the answers; {@code null} when not set here. */
	public @Nullable Boolean getScrubPiiOutputs() {
		return this.scrubPiiOutputs;
	}

	/** The conversation's context id, or {@code null}. */
	public @Nullable String getContextId() {
		return this.contextId;
	}

	/** Request metadata handed to the component. */
	public Map<String, String> getMetadata() {
		return this.metadata;
	}

	@Override
	public Builder mutate() {
		Builder builder = new Builder();
		builder.model(getModel())
			.frequencyPenalty(getFrequencyPenalty())
			.maxTokens(getMaxTokens())
			.presencePenalty(getPresencePenalty())
			.stopSequences(getStopSequences())
			.temperature(getTemperature())
			.topK(getTopK())
			.topP(getTopP());
		if (getToolCallbacks() != null) {
			builder.toolCallbacks(getToolCallbacks());
		}
		if (getToolContext() != null) {
			builder.toolContext(getToolContext());
		}
		builder.scrubPiiInputs = this.scrubPiiInputs;
		builder.scrubPiiOutputs = this.scrubPiiOutputs;
		builder.contextId = this.contextId;
		builder.metadata.putAll(this.metadata);
		return builder;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DaprChatOptions that && super.equals(other)
				&& Objects.equals(this.scrubPiiInputs, that.scrubPiiInputs)
				&& Objects.equals(this.scrubPiiOutputs, that.scrubPiiOutputs)
				&& Objects.equals(this.contextId, that.contextId) && this.metadata.equals(that.metadata);
	}

	@Override
	public int hashCode() {
		return Objects.hash(super.hashCode(), this.scrubPiiInputs, this.scrubPiiOutputs, this.contextId, this.metadata);
	}

	/** Spring AI's own options, as a builder holds them. */
	protected record Portable(@Nullable List<ToolCallback> toolCallbacks, @Nullable Map<String, Object> toolContext, @Nullable String model,
			@Nullable Double frequencyPenalty, @Nullable Integer maxTokens, @Nullable Double presencePenalty,
			@Nullable List<String> stopSequences, @Nullable Double temperature, @Nullable Integer topK,
			@Nullable Double topP) {
	}

	/** Builds {@link DaprChatOptions}. */
	public static class Builder extends DefaultToolCallingChatOptions.Builder<Builder> {

		private @Nullable Boolean scrubPiiInputs;

		private @Nullable Boolean scrubPiiOutputs;

		private @Nullable String contextId;

		private Map<String, String> metadata = new LinkedHashMap<>();

		/** Scrubs PII (e-mail and IP addresses, phone and card numbers, ...) from messages and answers. */
		public Builder scrubPii(boolean scrub) {
			this.scrubPiiInputs = scrub;
			this.scrubPiiOutputs = scrub;
			return this;
		}

		/** Scrubs PII from the messages before the component sees them. */
		public Builder scrubPiiInputs(@Nullable Boolean scrub) {
			this.scrubPiiInputs = scrub;
			return this;
		}

		/** Scrubs PII from the answers before the application sees them. */
		public Builder scrubPiiOutputs(@Nullable Boolean scrub) {
			this.scrubPiiOutputs = scrub;
			return this;
		}

		/** The id of the conversation a call continues. */
		public Builder contextId(@Nullable String contextId) {
			this.contextId = contextId;
			return this;
		}

		/** Request metadata handed to the component. */
		public Builder metadata(String key, String value) {
			this.metadata.put(key, value);
			return this;
		}

		@Override
		public Builder clone() {
			Builder copy = super.clone();
			copy.metadata = new LinkedHashMap<>(this.metadata);
			return copy;
		}

		/** Takes the options set in {@code other}, keeping these where {@code other} has none. */
		@Override
		public Builder combineWith(ChatOptions.Builder<?> other) {
			super.combineWith(other);
			if (other instanceof Builder dapr) {
				if (dapr.scrubPiiInputs != null) {
					this.scrubPiiInputs = dapr.scrubPiiInputs;
				}
				if (dapr.scrubPiiOutputs != null) {
					this.scrubPiiOutputs = dapr.scrubPiiOutputs;
				}
				if (dapr.contextId != null) {
					this.contextId = dapr.contextId;
				}
				this.metadata.putAll(dapr.metadata);
			}
			return this;
		}

		@Override
		public DaprChatOptions build() {
			return new DaprChatOptions(this, new Portable(this.toolCallbacks, this.toolContext, this.model,
					this.frequencyPenalty, this.maxTokens, this.presencePenalty, this.stopSequences, this.temperature,
					this.topK, this.topP));
		}

	}

}
