package dev.daprspring.core.conversation;

/** Who said a {@link ConversationMessage}. */
public enum ConversationRole {

	/** Instructions that frame the conversation. */
	SYSTEM,

	/** Instructions from the developer (OpenAI's newer name for system instructions). */
	DEVELOPER,

	/** The person talking to the model. */
	USER,

	/** The model, including the tools it asked to call. */
	ASSISTANT,

	/** The result of a tool call the model asked for. */
	TOOL

}
