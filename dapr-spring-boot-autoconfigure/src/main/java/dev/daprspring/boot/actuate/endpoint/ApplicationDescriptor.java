package dev.daprspring.boot.actuate.endpoint;

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
 * @param workflows the workflows it runs, or {@code null} when it runs none
 */
public record ApplicationDescriptor(List<TopicHandler> topics, List<BindingListener> bindings,
		List<ActorHost> actors, @Nullable WorkflowHost workflows) {

	/** An application without messaging or actors on the classpath. */
	public static ApplicationDescriptor none() {
		return new ApplicationDescriptor(List.of(), List.of(), List.of(), null);
	}

	/** These handlers with these actor types. */
	public ApplicationDescriptor withActors(List<ActorHost> actors) {
		return new ApplicationDescriptor(this.topics, this.bindings, actors, this.workflows);
	}

	/** These handlers with these workflows. */
	public ApplicationDescriptor withWorkflows(@Nullable WorkflowHost workflows) {
		return new ApplicationDescriptor(this.topics, this.bindings, this.actors, workflows);
	}

	/**
	 * The workflow worker and what it runs.
	 *
	 * @param worker the worker's state ({@code STREAMING}, {@code RECONNECTING}, …)
	 * @param lastError why its work-item stream last broke, or {@code null}
	 * @param workflows one entry per {@code @DaprWorkflow} bean
	 * @param activities the {@code @DaprActivity} names
	 * @param workItems work items queued or running now
	 */
	public record WorkflowHost(String worker, @Nullable String lastError, List<WorkflowEntry> workflows,
			List<String> activities, int workItems) {
	}

	/**
	 * One workflow.
	 *
	 * @param name its name
	 * @param version its version, empty when unversioned
	 * @param implementation the bean's class
	 */
	public record WorkflowEntry(String name, String version, String implementation) {
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
