package dev.daprspring.boot.autoconfigure.actuate.endpoint;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The handlers this application registered with the sidecar.
 *
 * @param topics one entry per {@code @Topic} handler method (subscriptions declared in
 * properties route to the application's own controllers and show in the sidecar's metadata)
 * @param bindings one entry per {@code @BindingListener} method
 * @param actors one entry per {@code @DaprActor} type this application hosts
 */
public record ApplicationDescriptor(List<TopicHandler> topics, List<BindingListener> bindings,
		List<ActorHost> actors) {

	/** An application without messaging or actors on the classpath. */
	public static ApplicationDescriptor none() {
		return new ApplicationDescriptor(List.of(), List.of(), List.of());
	}

	/** These handlers with these actor types. */
	public ApplicationDescriptor withActors(List<ActorHost> actors) {
		return new ApplicationDescriptor(this.topics, this.bindings, actors);
	}

	/**
	 * One {@code @Topic} handler.
	 *
	 * @param pubsub the pub/sub component
	 * @param topic the topic
	 * @param match its CEL rule, or {@code null} for the topic's default handler
	 * @param priority the order of its rule among the topic's rules
	 * @param deadLetterTopic where dropped events go, or {@code null}
	 * @param metadata subscription metadata
	 * @param bulk whether events arrive in batches
	 * @param handler the handler method
	 */
	public record TopicHandler(String pubsub, String topic, @Nullable String match, int priority,
			@Nullable String deadLetterTopic, Map<String, String> metadata, boolean bulk, String handler) {

	}

	/**
	 * One {@code @BindingListener}.
	 *
	 * @param binding the input binding
	 * @param handler the handler method
	 */
	public record BindingListener(String binding, String handler) {

	}

	/**
	 * One actor type hosted here.
	 *
	 * @param type the actor type
	 * @param implementation the class of its {@code @DaprActor} bean
	 * @param methods the methods callers may invoke
	 * @param reminders the reminders it has {@code @DaprReminder} methods for
	 */
	public record ActorHost(String type, String implementation, List<String> methods, List<String> reminders) {

	}

}
