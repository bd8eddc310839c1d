package dev.daprspring.core.conversation;

import java.util.List;
import java.util.Map;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StringValue;
import io.dapr.v1.DaprAiProtos.ConversationMessageContent;
import io.dapr.v1.DaprAiProtos.ConversationRequestAlpha2;
import io.dapr.v1.DaprAiProtos.ConversationResponseAlpha2;
import io.dapr.v1.DaprAiProtos.ConversationResultAlpha2;
import io.dapr.v1.DaprAiProtos.ConversationResultAlpha2CompletionUsage;
import io.dapr.v1.DaprAiProtos.ConversationResultChoices;
import io.dapr.v1.DaprAiProtos.ConversationResultMessage;
import io.dapr.v1.DaprAiProtos.ConversationToolCalls;
import io.dapr.v1.DaprAiProtos.ConversationToolCallsOfFunction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The mapping of {@link DaprConversationOperations} between this API and the
 * {@code ConverseAlpha2} messages; no sidecar.
 */
class DaprConversationOperationsTests {

	@Test
	void everyRoleMapsToItsMessageTypeInOneInput() {
		ConversationRequestAlpha2 proto = DaprConversationOperations.toProto(ConversationRequest.builder("llm")
			.message(ConversationMessage.system("frame"))
			.message(ConversationMessage.developer("rules"))
			.message(ConversationMessage.user("ask"))
			.message(ConversationMessage.assistant("", List.of(new ToolCall("c1", "weather", "{}"))))
			.message(ConversationMessage.tool("c1", "weather", "sunny"))
			.build());
		assertThat(proto.getName()).isEqualTo("llm");
		assertThat(proto.getInputsList()).singleElement().satisfies((input) -> {
			assertThat(input.hasScrubPii()).isFalse();
			assertThat(input.getMessagesList()).hasSize(5);
			assertThat(input.getMessages(0).getOfSystem().getContentList())
				.containsExactly(ConversationMessageContent.newBuilder().setText("frame").build());
			assertThat(input.getMessages(1).getOfDeveloper().getContent(0).getText()).isEqualTo("rules");
			assertThat(input.getMessages(2).getOfUser().getContent(0).getText()).isEqualTo("ask");
			assertThat(input.getMessages(3).getOfAssistant().getContentList()).isEmpty();
			assertThat(input.getMessages(3).getOfAssistant().getToolCalls(0).getId()).isEqualTo("c1");
			assertThat(input.getMessages(3).getOfAssistant().getToolCalls(0).getFunction().getName())
				.isEqualTo("weather");
			assertThat(input.getMessages(4).getOfTool().getToolId()).isEqualTo("c1");
			assertThat(input.getMessages(4).getOfTool().getName()).isEqualTo("weather");
		});
		assertThat(proto.hasTemperature()).isFalse();
		assertThat(proto.hasScrubPii()).isFalse();
		assertThat(proto.hasContextId()).isFalse();
	}

	@Test
	void optionsGoWhereTheProtoHasThem() throws InvalidProtocolBufferException {
		ConversationRequestAlpha2 proto = DaprConversationOperations.toProto(ConversationRequest.builder("llm")
			.message(ConversationMessage.user("hi"))
			.temperature(0.3)
			.scrubPiiInputs(true)
			.contextId("ctx")
			.metadata("team", "blue")
			.parameter("model", "gpt-4o-mini")
			.tool(ConversationTool.function("weather", "by city",
					Map.of("type", "object", "required", List.of("city"))))
			.toolChoice("weather")
			.build());
		assertThat(proto.getInputs(0).getScrubPii()).isTrue();
		assertThat(proto.hasScrubPii()).isFalse();
		assertThat(proto.getTemperature()).isEqualTo(0.3);
		assertThat(proto.getContextId()).isEqualTo("ctx");
		assertThat(proto.getMetadataMap()).containsEntry("team", "blue");
		assertThat(proto.getParametersOrThrow("model").unpack(StringValue.class).getValue()).isEqualTo("gpt-4o-mini");
		assertThat(proto.getToolChoice()).isEqualTo("weather");
		assertThat(proto.getTools(0).getFunction().getDescription()).isEqualTo("by city");
		assertThat(proto.getTools(0).getFunction().getParameters().getFieldsOrThrow("required").getListValue()
			.getValues(0).getStringValue()).isEqualTo("city");
	}

	@Test
	void scrubbingOutputsIsTheRequestsFlag() {
		ConversationRequestAlpha2 proto = DaprConversationOperations.toProto(
				ConversationRequest.builder("llm").message(ConversationMessage.user("hi")).scrubPiiOutputs(true).build());
		assertThat(proto.getScrubPii()).isTrue();
		assertThat(proto.getInputs(0).hasScrubPii()).isFalse();
	}

	@Test
	void emptyConversationsAndMessagesAreRefusedBeforeSending() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DaprConversationOperations.toProto(ConversationRequest.builder("llm").build()))
			.withMessageContaining("component 'llm' has no message to send");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DaprConversationOperations.toProto(ConversationRequest.builder("llm")
				.message(ConversationMessage.system("frame"))
				.message(ConversationMessage.assistant(""))
				.build()))
			.withMessageContaining("Message 1 (assistant)");
		assertThatIllegalArgumentException().isThrownBy(() -> ConversationRequest.builder(""))
			.withMessageContaining("conversation component");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConversationRequest.builder("llm").parameter("when", List.of()))
			.withMessageContaining("string, boolean or number");
	}

	@Test
	void theResponseKeepsChoicesToolCallsModelAndUsage() {
		ConversationResponse response = DaprConversationOperations.fromProto(ConversationResponseAlpha2.newBuilder()
			.setContextId("ctx")
			.addOutputs(ConversationResultAlpha2.newBuilder()
				.setModel("m-1")
				.setUsage(ConversationResultAlpha2CompletionUsage.newBuilder()
					.setPromptTokens(3)
					.setCompletionTokens(4)
					.setTotalTokens(7))
				.addChoices(ConversationResultChoices.newBuilder()
					.setFinishReason("tool_calls")
					.setIndex(0)
					.setMessage(ConversationResultMessage.newBuilder()
						.setContent("checking")
						.addToolCalls(ConversationToolCalls.newBuilder()
							.setFunction(ConversationToolCallsOfFunction.newBuilder()
								.setName("weather")
								.setArguments("{\"city\":\"Paris\"}"))))))
			.build());
		assertThat(response.contextId()).isEqualTo("ctx");
		assertThat(response.text()).isEqualTo("checking");
		ConversationOutput output = response.outputs().get(0);
		assertThat(output.model()).isEqualTo("m-1");
		assertThat(output.usage()).isEqualTo(new ConversationUsage(3, 4, 7));
		assertThat(output.choices().get(0).toolCalls())
			.containsExactly(new ToolCall(null, "weather", "{\"city\":\"Paris\"}"));
	}

	@Test
	void aResponseWithoutOutputsHasNoText() {
		ConversationResponse response = DaprConversationOperations
			.fromProto(ConversationResponseAlpha2.getDefaultInstance());
		assertThat(response.contextId()).isNull();
		assertThat(response.text()).isEmpty();
		assertThat(response.choices()).isEmpty();
	}

}
