package dev.daprspring.messaging.binding;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Hands an input binding's event to its handler method and tells whether it succeeded.
 * The event's body is the message payload, its metadata the headers (lower-case names over
 * HTTP) plus {@value #BINDING_HEADER}; metadata named {@code id} or {@code timestamp}, header
 * names Spring Messaging reserves, arrives as {@value #RESERVED_METADATA_PREFIX}{@code id} and
 * {@value #RESERVED_METADATA_PREFIX}{@code timestamp}.
 */
public class BindingEventDispatcher {

	/** The header holding the name of the binding the event came from. */
	public static final String BINDING_HEADER = "dapr_binding";

	/** The prefix of metadata whose own name is a header name Spring Messaging reserves. */
	public static final String RESERVED_METADATA_PREFIX = "dapr_binding_";

	private static final Log logger = LogFactory.getLog(BindingEventDispatcher.class);

	private final MessageHandlerMethodFactory handlerMethodFactory;

	private final Map<BindingEndpoint, InvocableHandlerMethod> handlerMethods = new ConcurrentHashMap<>();

	public BindingEventDispatcher(MessageHandlerMethodFactory handlerMethodFactory) {
		this.handlerMethodFactory = handlerMethodFactory;
	}

	/**
	 * Runs the endpoint's handler on the calling thread.
	 * @return whether the handler returned normally; a failure is logged, without the body
	 */
	public boolean dispatch(BindingEndpoint endpoint, byte[] body, Map<String, String> metadata) {
		try {
			// Inside the try: a failure to build the message must answer the sidecar too, not escape.
			handlerMethod(endpoint).invoke(message(endpoint, body, metadata));
			return true;
		}
		catch (Exception | LinkageError | AssertionError ex) {
			logger.error("The handler " + endpoint.describe() + " of input binding '" + endpoint.name()
					+ "' failed; the sidecar is told the event failed", ex);
			return false;
		}
	}

	private static Message<byte[]> message(BindingEndpoint endpoint, byte[] body, Map<String, String> metadata) {
		MessageBuilder<byte[]> message = MessageBuilder.withPayload(body);
		metadata.forEach((name, value) -> message.setHeader(headerName(name), value));
		return message.setHeader(BINDING_HEADER, endpoint.name()).build();
	}

	private static String headerName(String metadataName) {
		boolean reserved = MessageHeaders.ID.equals(metadataName) || MessageHeaders.TIMESTAMP.equals(metadataName);
		return reserved ? RESERVED_METADATA_PREFIX + metadataName : metadataName;
	}

	private InvocableHandlerMethod handlerMethod(BindingEndpoint endpoint) {
		return this.handlerMethods.computeIfAbsent(endpoint,
				(key) -> this.handlerMethodFactory.createInvocableHandlerMethod(key.bean(), key.method()));
	}

}
