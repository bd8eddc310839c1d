package dev.daprspring.messaging.observation;

import io.micrometer.observation.transport.ReceiverContext;
import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.delivery.IncomingEvent;
import dev.daprspring.messaging.delivery.TopicEventStatus;

/**
 * The context of one observed delivery to a handler. Its carrier is the event, so a
 * tracing handler reads {@code traceparent} and {@code tracestate} from its CloudEvent
 * attributes and continues the publisher's trace.
 */
public class TopicDeliveryObservationContext extends ReceiverContext<IncomingEvent> {

	private final IncomingEvent event;

	private @Nullable TopicEventStatus status;

	public TopicDeliveryObservationContext(IncomingEvent event) {
		super((carrier, key) -> {
			// daprd sends an empty traceparent when it has no trace; that is no context to continue.
			Object value = carrier.attributes().get(key);
			return (value != null && !value.toString().isBlank()) ? value.toString() : null;
		});
		setCarrier(event);
		setRemoteServiceName("dapr");
		this.event = event;
	}

	/** The delivered event. */
	public IncomingEvent getEvent() {
		return this.event;
	}

	/** The status answered to the sidecar, or {@code null} while the handler runs. */
	public @Nullable TopicEventStatus getStatus() {
		return this.status;
	}

	/** Records the status answered to the sidecar. */
	public void setStatus(TopicEventStatus status) {
		this.status = status;
	}

}
