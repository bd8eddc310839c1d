package dev.daprspring.core.conversation.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.conversation.ConversationChoice;
import dev.daprspring.core.conversation.ConversationMessage;
import dev.daprspring.core.conversation.ConversationOperations;
import dev.daprspring.core.conversation.ConversationOutput;
import dev.daprspring.core.conversation.ConversationRequest;
import dev.daprspring.core.conversation.ConversationResponse;
import dev.daprspring.core.conversation.ConversationTool;
import dev.daprspring.core.conversation.ToolCall;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.util.StringUtils;

/**
 * A Spring AI {@link ChatModel} backed by a Dapr conversation component: each call of a
 * {@link Prompt} is one {@code ConverseAlpha2} call through {@link ConversationOperations}.
 * <p>
 * System, user, assistant (with its tool calls) and tool-response messages map to Dapr's
 * roles. Of the options, the temperature, the model (as the request parameter
 * {@code model}) and the tools of {@link ToolCallingChatOptions} are sent, and
 * {@link DaprChatOptions} adds PII scrubbing, a context id and metadata; options of the
 * prompt take precedence over the model's defaults. Every choice of the answer becomes a
 * {@link Generation} with its finish reason and the tool calls the model asks for (this
 * model returns them; it does not run the tools), and the token usage of all outputs is
 * the response's {@link DefaultUsage}.
 */
public final class DaprChatModel implements ChatModel {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> SCHEMA = new TypeReference<>() {
	};

	private final ConversationOperations conversation;

	private final String component;

	private final DaprChatOptions defaultOptions;

	/** A model that talks to the conversation component of this name, with no default options. */
	public DaprChatModel(ConversationOperations conversation, String component) {
		this(conversation, component, DaprChatOptions.builder().build());
	}

	/** A model that talks to the conversation component of this name with these default options. */
	public DaprChatModel(ConversationOperations conversation, String component, DaprChatOptions defaultOptions) {
		this.conversation = conversation;
		this.component = component;
		this.defaultOptions = defaultOptions;
	}

	/** The conversation component this model talks to. */
	public String getComponent() {
		return this.component;
	}

	/** A copy of the default options, which {@code ChatClient} merges with a request's own. */
	@Override
	public ChatOptions getOptions() {
		return this.defaultOptions.mutate().build();
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		return toChatResponse(this.conversation.converse(toRequest(prompt)));
	}

	ConversationRequest toRequest(Prompt prompt) {
		ConversationRequest.Builder request = ConversationRequest.builder(this.component);
		for (Message message : prompt.getInstructions()) {
			request.messages(toMessages(message));
		}
		ChatOptions options = prompt.getOptions();
		DaprChatOptions dapr = (options instanceof DaprChatOptions own) ? own : null;
		request.temperature(first((options != null) ? options.getTemperature() : null,
				this.defaultOptions.getTemperature()));
		String model = first((options != null) ? options.getModel() : null, this.defaultOptions.getModel());
		if (StringUtils.hasText(model)) {
			request.parameter("model", model);
		}
		request.scrubPiiInputs(Boolean.TRUE.equals(first((dapr != null) ? dapr.getScrubPiiInputs() : null,
				this.defaultOptions.getScrubPiiInputs())));
		request.scrubPiiOutputs(Boolean.TRUE.equals(first((dapr != null) ? dapr.getScrubPiiOutputs() : null,
				this.defaultOptions.getScrubPiiOutputs())));
		request.contextId(first((dapr != null) ? dapr.getContextId() : null, this.defaultOptions.getContextId()));
		this.defaultOptions.getMetadata().forEach(request::metadata);
		if (dapr != null) {
			dapr.getMetadata().forEach(request::metadata);
		}
		List<ToolCallback> callbacks = (options instanceof ToolCallingChatOptions tools) ? callbacks(tools) : List.of();
		if (callbacks.isEmpty()) {
			callbacks = callbacks(this.defaultOptions);
		}
		for (ToolCallback callback : callbacks) {
			request.tool(toTool(callback.getToolDefinition()));
		}
		return request.build();
	}

	private static List<ConversationMessage> toMessages(Message message) {
		String text = (message.getText() != null) ? message.getText() : "";
		return switch (message.getMessageType()) {
			case SYSTEM -> List.of(ConversationMessage.system(text));
			case USER -> List.of(ConversationMessage.user(text));
			case ASSISTANT -> List.of(ConversationMessage.assistant(text,
					((AssistantMessage) message).getToolCalls()
						.stream()
						.map((call) -> new ToolCall(call.id(), call.name(), call.arguments()))
						.toList()));
			case TOOL -> ((ToolResponseMessage) message).getResponses()
				.stream()
				.map((response) -> ConversationMessage.tool(response.id(), response.name(), response.responseData()))
				.toList();
		};
	}

	private static ConversationTool toTool(ToolDefinition definition) {
		Map<String, Object> schema = StringUtils.hasText(definition.inputSchema())
				? JSON.readValue(definition.inputSchema(), SCHEMA) : Map.of();
		return ConversationTool.function(definition.name(), definition.description(), schema);
	}

	static ChatResponse toChatResponse(ConversationResponse response) {
		List<Generation> generations = new ArrayList<>();
		long prompt = 0;
		long completion = 0;
		long total = 0;
		String model = null;
		for (ConversationOutput output : response.outputs()) {
			for (ConversationChoice choice : output.choices()) {
				AssistantMessage message = AssistantMessage.builder()
					.content(choice.content())
					.properties(Map.of("index", choice.index()))
					.toolCalls(choice.toolCalls()
						.stream()
						.map((call) -> new AssistantMessage.ToolCall((call.id() != null) ? call.id() : "", "function",
								call.name(), call.arguments()))
						.toList())
					.build();
				generations.add(new Generation(message,
						ChatGenerationMetadata.builder().finishReason(choice.finishReason()).build()));
			}
			if (output.usage() != null) {
				prompt += output.usage().promptTokens();
				completion += output.usage().completionTokens();
				total += output.usage().totalTokens();
			}
			if (model == null) {
				model = output.model();
			}
		}
		ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder()
			.usage(new DefaultUsage(Math.toIntExact(prompt), Math.toIntExact(completion), Math.toIntExact(total),
					response));
		if (model != null) {
			metadata.model(model);
		}
		if (response.contextId() != null) {
			metadata.keyValue("contextId", response.contextId());
		}
		return new ChatResponse(generations, metadata.build());
	}

	private static List<ToolCallback> callbacks(ToolCallingChatOptions options) {
		List<ToolCallback> callbacks = options.getToolCallbacks();
		return (callbacks != null) ? callbacks : List.of();
	}

	private static <T> @Nullable T first(@Nullable T preferred, @Nullable T fallback) {
		return (preferred != null) ? preferred : fallback;
	}

}
