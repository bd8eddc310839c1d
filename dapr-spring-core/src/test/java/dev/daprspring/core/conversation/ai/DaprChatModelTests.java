package dev.daprspring.core.conversation.ai;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.daprspring.core.conversation.ConversationChoice;
import dev.daprspring.core.conversation.ConversationMessage;
import dev.daprspring.core.conversation.ConversationOperations;
import dev.daprspring.core.conversation.ConversationOutput;
import dev.daprspring.core.conversation.ConversationRequest;
import dev.daprspring.core.conversation.ConversationResponse;
import dev.daprspring.core.conversation.ConversationRole;
import dev.daprspring.core.conversation.ConversationUsage;
import dev.daprspring.core.conversation.ToolCall;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DaprChatModel} between Spring AI's prompts and responses and
 * {@link ConversationOperations}; a recording fake stands in for the sidecar.
 */
class DaprChatModelTests {

	final Recorder conversation = new Recorder();

	@Test
	void messagesOfEveryTypeKeepTheirRoleAndOrder() {
		DaprChatModel model = new DaprChatModel(this.conversation, "llm");
		model.call(new Prompt(List.of(new SystemMessage("frame"), new UserMessage("ask"),
				AssistantMessage.builder()
					.content("")
					.toolCalls(List.of(new AssistantMessage.ToolCall("c1", "function", "weather", "{}")))
					.build(),
				ToolResponseMessage.builder()
					.responses(List.of(new ToolResponseMessage.ToolResponse("c1", "weather", "sunny")))
					.build())));
		ConversationRequest request = this.conversation.last.get();
		assertThat(request.component()).isEqualTo("llm");
		assertThat(request.messages()).extracting(ConversationMessage::role)
			.containsExactly(ConversationRole.SYSTEM, ConversationRole.USER, ConversationRole.ASSISTANT,
					ConversationRole.TOOL);
		assertThat(request.messages().get(2).toolCalls()).containsExactly(new ToolCall("c1", "weather", "{}"));
		assertThat(request.messages().get(3)).isEqualTo(ConversationMessage.tool("c1", "weather", "sunny"));
		assertThat(request.scrubPiiInputs()).isFalse();
		assertThat(request.temperature()).isNull();
		assertThat(request.parameters()).isEmpty();
	}

	@Test
	void promptOptionsWinOverTheDefaults() {
		DaprChatModel model = new DaprChatModel(this.conversation, "llm",
				DaprChatOptions.builder().temperature(0.9).scrubPii(true).metadata("team", "blue").build());
		model.call(new Prompt("hi", ChatOptions.builder().temperature(0.1).model("small").build()));
		ConversationRequest request = this.conversation.last.get();
		assertThat(request.temperature()).isEqualTo(0.1);
		assertThat(request.parameters()).containsEntry("model", "small");
		assertThat(request.scrubPiiInputs()).isTrue();
		assertThat(request.scrubPiiOutputs()).isTrue();
		assertThat(request.metadata()).containsEntry("team", "blue");

		model.call(new Prompt("hi", DaprChatOptions.builder().scrubPiiOutputs(false).contextId("ctx").build()));
		request = this.conversation.last.get();
		assertThat(request.temperature()).isEqualTo(0.9);
		assertThat(request.scrubPiiInputs()).isTrue();
		assertThat(request.scrubPiiOutputs()).isFalse();
		assertThat(request.contextId()).isEqualTo("ctx");
	}

	@Test
	void toolCallbacksAreOfferedAsToolsWithTheirSchema() {
		DaprChatModel model = new DaprChatModel(this.conversation, "llm");
		model.call(new Prompt("weather?", DaprChatOptions.builder().toolCallbacks(new WeatherTool()).build()));
		assertThat(this.conversation.last.get().tools()).singleElement().satisfies((tool) -> {
			assertThat(tool.name()).isEqualTo("weather");
			assertThat(tool.description()).isEqualTo("Current weather of a city");
			assertThat(tool.parameters()).containsEntry("type", "object").containsKey("properties");
		});
	}

	@Test
	void choicesBecomeGenerationsWithFinishReasonToolCallsAndUsage() {
		this.conversation.answer = new ConversationResponse("ctx",
				List.of(new ConversationOutput(List.of(new ConversationChoice(0, "tool_calls", "checking",
						List.of(new ToolCall("0", "weather", "city")))), "m-1", new ConversationUsage(2, 3, 5))));
		ChatResponse response = new DaprChatModel(this.conversation, "llm").call(new Prompt("weather?"));
		assertThat(response.getResult().getOutput().getText()).isEqualTo("checking");
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("tool_calls");
		assertThat(response.hasToolCalls()).isTrue();
		assertThat(response.getResult().getOutput().getToolCalls())
			.containsExactly(new AssistantMessage.ToolCall("0", "function", "weather", "city"));
		assertThat(response.getMetadata().getModel()).isEqualTo("m-1");
		assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(2);
		assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(3);
		assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(5);
		assertThat((String) response.getMetadata().get("contextId")).isEqualTo("ctx");
	}

	@Test
	void aChatClientOnTheModelReturnsTheContent() {
		this.conversation.answer = new ConversationResponse(null, List.of(new ConversationOutput(
				List.of(new ConversationChoice(0, "stop", "hello", List.of())), null, null)));
		String content = ChatClient.create(new DaprChatModel(this.conversation, "llm"))
			.prompt()
			.system("be brief")
			.user("hi")
			.call()
			.content();
		assertThat(content).isEqualTo("hello");
		assertThat(this.conversation.last.get().messages()).containsExactly(ConversationMessage.system("be brief"),
				ConversationMessage.user("hi"));
	}

	@Test
	void optionsSurviveMutateAndCombine() {
		DaprChatOptions defaults = DaprChatOptions.builder().temperature(0.5).scrubPiiInputs(true).build();
		DaprChatOptions combined = defaults.mutate()
			.combineWith(DaprChatOptions.builder().contextId("ctx").metadata("k", "v"))
			.build();
		assertThat(combined.getTemperature()).isEqualTo(0.5);
		assertThat(combined.getScrubPiiInputs()).isTrue();
		assertThat(combined.getScrubPiiOutputs()).isNull();
		assertThat(combined.getContextId()).isEqualTo("ctx");
		assertThat(combined.getMetadata()).containsEntry("k", "v");
		assertThat(combined.mutate().build()).isEqualTo(combined);
		assertThat(new DaprChatModel(this.conversation, "llm", defaults).getOptions()).isEqualTo(defaults);
	}

	static final class Recorder implements ConversationOperations {

		final AtomicReference<ConversationRequest> last = new AtomicReference<>();

		ConversationResponse answer = new ConversationResponse(null, List.of());

		@Override
		public ConversationResponse converse(ConversationRequest request) {
			this.last.set(request);
			return this.answer;
		}

	}

	static final class WeatherTool implements ToolCallback {

		@Override
		public ToolDefinition getToolDefinition() {
			return ToolDefinition.builder()
				.name("weather")
				.description("Current weather of a city")
				.inputSchema("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}")
				.build();
		}

		@Override
		public String call(String arguments) {
			return "sunny";
		}

	}

}
