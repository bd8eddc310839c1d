package dev.daprspring.boot.autoconfigure.conversation;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the Spring AI chat model backed by a Dapr conversation component.
 */
@ConfigurationProperties("dapr.conversation")
public class DaprConversationProperties {

	/** Name of the conversation component the chat model talks to; no chat model is configured without it. */
	private @Nullable String component;

	/** Default sampling temperature of the chat model; the component's own default when not set. */
	private @Nullable Double temperature;

	/** Whether the sidecar scrubs PII (e-mail and IP addresses, phone and card numbers, ...) from prompts and answers. */
	private boolean scrubPii;

	public @Nullable String getComponent() {
		return this.component;
	}

	public void setComponent(@Nullable String component) {
		this.component = component;
	}

	public @Nullable Double getTemperature() {
		return this.temperature;
	}

	public void setTemperature(@Nullable Double temperature) {
		this.temperature = temperature;
	}

	public boolean isScrubPii() {
		return this.scrubPii;
	}

	public void setScrubPii(boolean scrubPii) {
		this.scrubPii = scrubPii;
	}

}
