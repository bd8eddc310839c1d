package dev.daprspring.boot.autoconfigure.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bindings of Spring Cloud Function beans to topics ({@code dapr.function.*}).
 */
@ConfigurationProperties("dapr.function")
public class DaprFunctionProperties {

	/** Topic bindings by function name. */
	private Map<String, Binding> bindings = new LinkedHashMap<>();

	public Map<String, Binding> getBindings() {
		return this.bindings;
	}

	public void setBindings(Map<String, Binding> bindings) {
		this.bindings = bindings;
	}

	/** The topics of one function. */
	public static class Binding {

		/** Topic whose events the function receives. */
		private @Nullable String inputTopic;

		/** Topic a Function's non-null results are published to. */
		private @Nullable String outputTopic;

		/** Pub/sub component of both topics; dapr.pubsub.default-name when unset. */
		private @Nullable String pubsub;

		public @Nullable String getInputTopic() {
			return this.inputTopic;
		}

		public void setInputTopic(@Nullable String inputTopic) {
			this.inputTopic = inputTopic;
		}

		public @Nullable String getOutputTopic() {
			return this.outputTopic;
		}

		public void setOutputTopic(@Nullable String outputTopic) {
			this.outputTopic = outputTopic;
		}

		public @Nullable String getPubsub() {
			return this.pubsub;
		}

		public void setPubsub(@Nullable String pubsub) {
			this.pubsub = pubsub;
		}

	}

}
