package dev.daprspring.core.conversation;

import java.util.List;
import java.util.Map;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.DoubleValue;
import com.google.protobuf.Int64Value;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.NullValue;
import com.google.protobuf.StringValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.dapr.v1.DaprAiProtos.ConversationInputAlpha2;
import io.dapr.v1.DaprAiProtos.ConversationMessageContent;
import io.dapr.v1.DaprAiProtos.ConversationMessageOfAssistant;
import io.dapr.v1.DaprAiProtos.ConversationMessageOfDeveloper;
import io.dapr.v1.DaprAiProtos.ConversationMessageOfSystem;
import io.dapr.v1.DaprAiProtos.ConversationMessageOfTool;
import io.dapr.v1.DaprAiProtos.ConversationMessageOfUser;
import io.dapr.v1.DaprAiProtos.ConversationRequestAlpha2;
import io.dapr.v1.DaprAiProtos.ConversationResponseAlpha2;
import io.dapr.v1.DaprAiProtos.ConversationResultAlpha2;
import io.dapr.v1.DaprAiProtos.ConversationResultAlpha2CompletionUsage;
import io.dapr.v1.DaprAiProtos.ConversationResultChoices;
import io.dapr.v1.DaprAiProtos.ConversationToolCalls;
import io.dapr.v1.DaprAiProtos.ConversationToolCallsOfFunction;
import io.dapr.v1.DaprAiProtos.ConversationTools;
import io.dapr.v1.DaprAiProtos.ConversationToolsFunction;

import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;

/**
 * {@link ConversationOperations} over the sidecar's gRPC {@code ConverseAlpha2}. All
 * messages travel in one input, so PII scrubbing of inputs applies to all of them;
 * scrubbing of outputs is the request's own flag.
 */
public final class DaprConversationOperations implements ConversationOperations {

	private final DaprTransport transport;

	public DaprConversationOperations(DaprTransport transport) {
		this.transport = transport;
	}

	@Override
	public ConversationResponse converse(ConversationRequest request) {
		ConversationRequestAlpha2 proto = toProto(request);
		// Not repeated after a lost answer: a model call costs tokens and may answer differently.
		ConversationResponseAlpha2 response = this.transport.call(
				DaprCall.write("conversation", "converse", request.component()), (dapr) -> dapr.converseAlpha2(proto));
		return fromProto(response);
	}

	static ConversationRequestAlpha2 toProto(ConversationRequest request) {
		validate(request);
		ConversationInputAlpha2.Builder input = ConversationInputAlpha2.newBuilder();
		for (ConversationMessage message : request.messages()) {
			input.addMessages(toProto(message));
		}
		if (request.scrubPiiInputs()) {
			input.setScrubPii(true);
		}
		ConversationRequestAlpha2.Builder proto = ConversationRequestAlpha2.newBuilder()
			.setName(request.component())
			.addInputs(input)
			.putAllMetadata(request.metadata());
		if (request.scrubPiiOutputs()) {
			proto.setScrubPii(true);
		}
		if (request.temperature() != null) {
			proto.setTemperature(request.temperature());
		}
		if (request.contextId() != null) {
			proto.setContextId(request.contextId());
		}
		if (request.toolChoice() != null) {
			proto.setToolChoice(request.toolChoice());
		}
		for (ConversationTool tool : request.tools()) {
			ConversationToolsFunction.Builder function = ConversationToolsFunction.newBuilder()
				.setName(tool.name())
				.setParameters(struct(tool.parameters()));
			if (tool.description() != null) {
				function.setDescription(tool.description());
			}
			proto.addTools(ConversationTools.newBuilder().setFunction(function));
		}
		request.parameters().forEach((key, value) -> proto.putParameters(key, Any.pack(scalar(value))));
		return proto.build();
	}

	private static void validate(ConversationRequest request) {
		if (request.messages().isEmpty()) {
			throw new IllegalArgumentException("The conversation with component '" + request.component()
					+ "' has no message to send: add at least one, for example "
					+ "ConversationRequest.builder(...).message(ConversationMessage.user(\"...\"))");
		}
		List<ConversationMessage> messages = request.messages();
		for (int i = 0; i < messages.size(); i++) {
			ConversationMessage message = messages.get(i);
			if (message.content().isBlank() && message.toolCalls().isEmpty()) {
				throw new IllegalArgumentException("Message " + i + " (" + message.role().name().toLowerCase()
						+ ") of the conversation with component '" + request.component() + "' is empty: give it "
						+ "text, or leave it out");
			}
		}
	}

	private static io.dapr.v1.DaprAiProtos.ConversationMessage toProto(ConversationMessage message) {
		io.dapr.v1.DaprAiProtos.ConversationMessage.Builder proto = io.dapr.v1.DaprAiProtos.ConversationMessage
			.newBuilder();
		List<ConversationMessageContent> content = message.content().isEmpty() ? List.of()
				: List.of(ConversationMessageContent.newBuilder().setText(message.content()).build());
		switch (message.role()) {
			case SYSTEM -> {
				ConversationMessageOfSystem.Builder system = ConversationMessageOfSystem.newBuilder()
					.addAllContent(content);
				if (message.name() != null) {
					system.setName(message.name());
				}
				proto.setOfSystem(system);
			}
			case DEVELOPER -> {
				ConversationMessageOfDeveloper.Builder developer = ConversationMessageOfDeveloper.newBuilder()
					.addAllContent(content);
				if (message.name() != null) {
					developer.setName(message.name());
				}
				proto.setOfDeveloper(developer);
			}
			case USER -> {
				ConversationMessageOfUser.Builder user = ConversationMessageOfUser.newBuilder().addAllContent(content);
				if (message.name() != null) {
					user.setName(message.name());
				}
				proto.setOfUser(user);
			}
			case ASSISTANT -> {
				ConversationMessageOfAssistant.Builder assistant = ConversationMessageOfAssistant.newBuilder()
					.addAllContent(content);
				if (message.name() != null) {
					assistant.setName(message.name());
				}
				for (ToolCall call : message.toolCalls()) {
					ConversationToolCalls.Builder toolCall = ConversationToolCalls.newBuilder()
						.setFunction(ConversationToolCallsOfFunction.newBuilder()
							.setName(call.name())
							.setArguments(call.arguments()));
					if (call.id() != null) {
						toolCall.setId(call.id());
					}
					assistant.addToolCalls(toolCall);
				}
				proto.setOfAssistant(assistant);
			}
			case TOOL -> {
				ConversationMessageOfTool.Builder tool = ConversationMessageOfTool.newBuilder()
					.setName(String.valueOf(message.name()))
					.addAllContent(content);
				if (message.toolCallId() != null) {
					tool.setToolId(message.toolCallId());
				}
				proto.setOfTool(tool);
			}
		}
		return proto.build();
	}

	static ConversationResponse fromProto(ConversationResponseAlpha2 response) {
		List<ConversationOutput> outputs = response.getOutputsList()
			.stream()
			.map(DaprConversationOperations::fromProto)
			.toList();
		return new ConversationResponse(response.hasContextId() ? response.getContextId() : null, outputs);
	}

	private static ConversationOutput fromProto(ConversationResultAlpha2 result) {
		List<ConversationChoice> choices = result.getChoicesList()
			.stream()
			.map(DaprConversationOperations::fromProto)
			.toList();
		ConversationUsage usage = null;
		if (result.hasUsage()) {
			ConversationResultAlpha2CompletionUsage counted = result.getUsage();
			usage = new ConversationUsage(counted.getPromptTokens(), counted.getCompletionTokens(),
					counted.getTotalTokens());
		}
		return new ConversationOutput(choices, result.hasModel() ? result.getModel() : null, usage);
	}

	private static ConversationChoice fromProto(ConversationResultChoices choice) {
		List<ToolCall> toolCalls = choice.getMessage()
			.getToolCallsList()
			.stream()
			.map((call) -> new ToolCall(call.hasId() ? call.getId() : null, call.getFunction().getName(),
					call.getFunction().getArguments()))
			.toList();
		return new ConversationChoice(choice.getIndex(), choice.getFinishReason(), choice.getMessage().getContent(),
				toolCalls);
	}

	private static Message scalar(Object value) {
		if (value instanceof String text) {
			return StringValue.of(text);
		}
		if (value instanceof Boolean flag) {
			return BoolValue.of(flag);
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return Int64Value.of(((Number) value).longValue());
		}
		return DoubleValue.of(((Number) value).doubleValue());
	}

	private static Struct struct(Map<?, ?> map) {
		Struct.Builder struct = Struct.newBuilder();
		map.forEach((key, value) -> struct.putFields(String.valueOf(key), value(value)));
		return struct.build();
	}

	private static Value value(Object value) {
		if (value == null) {
			return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
		}
		if (value instanceof String text) {
			return Value.newBuilder().setStringValue(text).build();
		}
		if (value instanceof Boolean flag) {
			return Value.newBuilder().setBoolValue(flag).build();
		}
		if (value instanceof Number number) {
			return Value.newBuilder().setNumberValue(number.doubleValue()).build();
		}
		if (value instanceof Map<?, ?> map) {
			return Value.newBuilder().setStructValue(struct(map)).build();
		}
		if (value instanceof Iterable<?> items) {
			ListValue.Builder list = ListValue.newBuilder();
			items.forEach((item) -> list.addValues(value(item)));
			return Value.newBuilder().setListValue(list).build();
		}
		throw new IllegalArgumentException("A tool's parameter schema holds only maps, lists, strings, numbers, "
				+ "booleans and nulls, not " + value.getClass().getName());
	}

}
