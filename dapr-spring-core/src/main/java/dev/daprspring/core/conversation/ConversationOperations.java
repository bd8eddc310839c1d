package dev.daprspring.core.conversation;

import java.util.List;

/**
 * Conversation with a large language model through a Dapr conversation component (the
 * sidecar's alpha2 conversation API).
 */
public interface ConversationOperations {

	/**
	 * Sends the request and returns the component's answer.
	 * @throws IllegalArgumentException before anything is sent, when the request has no
	 * message or a message without content
	 * @throws dev.daprspring.core.error.DaprComponentNotFoundException when the sidecar has
	 * no conversation component of that name
	 * @throws dev.daprspring.core.error.DaprApiException when the component or the model
	 * behind it fails
	 */
	ConversationResponse converse(ConversationRequest request);

	/** Sends these messages, in order, with no options. */
	default ConversationResponse converse(String component, List<ConversationMessage> messages) {
		return converse(ConversationRequest.builder(component).messages(messages).build());
	}

	/** Sends one user message and returns the text of the first answer. */
	default String converse(String component, String userMessage) {
		return converse(component, List.of(ConversationMessage.user(userMessage))).text();
	}

}
