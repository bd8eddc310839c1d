package dev.daprspring.messaging.function;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.daprspring.core.pubsub.PubSubOperations;
import dev.daprspring.core.pubsub.PublishOptions;
import dev.daprspring.messaging.handler.CloudEventDataConverter;
import dev.daprspring.messaging.handler.DaprHeaders;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.messaging.Message;
import org.springframework.util.ReflectionUtils;

/**
 * The handler of a function's input topic: reads the event's data as the function's
 * input type, calls the function and publishes a non-null result to the output topic,
 * in the trace of the incoming event.
 */
final class FunctionTopicHandler {

	/** The method the topic endpoint invokes. */
	static final Method HANDLE = Objects.requireNonNull(
			ReflectionUtils.findMethod(FunctionTopicHandler.class, "handle", Message.class));

	private final FunctionBinding binding;

	private final FunctionInvocationWrapper function;

	private final CloudEventDataConverter converter;

	private final @Nullable PubSubOperations output;

	/**
	 * Creates a handler.
	 * @param output where results are published, or {@code null} when the binding has no
	 * output topic
	 */
	FunctionTopicHandler(FunctionBinding binding, FunctionInvocationWrapper function,
			CloudEventDataConverter converter, @Nullable PubSubOperations output) {
		this.binding = binding;
		this.function = function;
		this.converter = converter;
		this.output = output;
	}

	/** Calls the function with the event's data. */
	public void handle(Message<byte[]> message) {
		Object input = this.converter.read(message, inputType());
		if (this.function.isConsumer()) {
			this.function.accept(input);
			return;
		}
		Object result = this.function.apply(input);
		String outputTopic = this.binding.outputTopic();
		if (result == null || outputTopic == null || this.output == null) {
			return;
		}
		PublishOptions options = PublishOptions.none();
		// The sidecar starts the published event's trace from this CloudEvent attribute.
		Object traceparent = message.getHeaders().get(DaprHeaders.TRACEPARENT);
		if (traceparent != null) {
			options = options.withMetadata("cloudevent.traceparent", traceparent.toString());
		}
		// A function may answer with a Message; its payload is what is published.
		Object payload = (result instanceof Message<?> reply) ? reply.getPayload() : result;
		this.output.publish(outputTopic, payload, options);
	}

	private Type inputType() {
		Type type = this.function.getInputType();
		return (type != null) ? type : Object.class;
	}

	@Override
	public String toString() {
		return "function '" + this.binding.function() + "'";
	}

}
