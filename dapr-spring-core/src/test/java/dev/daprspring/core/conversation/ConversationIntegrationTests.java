package dev.daprspring.core.conversation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponent;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.error.DaprComponentNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link DaprTemplate#conversation()} against a real daprd with {@code conversation.echo},
 * which answers one choice holding the text of every message, one word a token, and a
 * tool call for every tool offered. Needs an {@code allcomponents} daprd
 * ({@code DAPRD} or {@code ~/.dapr/bin/daprd}).
 */
class ConversationIntegrationTests {

	static DaprSidecar sidecar;

	static DaprTransport transport;

	static DaprTemplate dapr;

	@BeforeAll
	static void start() {
		sidecar = DaprSidecar.builder("conversation-tests")
			.component(DaprComponent.of("echo", "conversation.echo"))
			.start();
		transport = new DaprTransport(DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), null));
		dapr = new DaprTemplate(transport, JsonMapper.builder().build());
	}

	@AfterAll
	static void stop() {
		transport.close();
		sidecar.close();
	}

	@Test
	void oneUserMessageIsEchoed() {
		assertThat(dapr.conversation().converse("echo", "hello there")).isEqualTo("hello there");
	}

	@Test
	void messagesWithRolesComeBackWithFinishReasonAndUsage() {
		ConversationResponse response = dapr.conversation()
			.converse(ConversationRequest.builder("echo")
				.message(ConversationMessage.system("be brief"))
				.message(ConversationMessage.user("what is dapr"))
				.message(ConversationMessage.assistant("a sidecar"))
				.message(ConversationMessage.user("thanks"))
				.temperature(0.2)
				.contextId("chat-1")
				.build());
		assertThat(response.contextId()).isEqualTo("chat-1");
		assertThat(response.outputs()).singleElement().satisfies((output) -> {
			assertThat(output.usage()).isEqualTo(new ConversationUsage(8, 8, 16));
			assertThat(output.choices()).singleElement().satisfies((choice) -> {
				assertThat(choice.finishReason()).isEqualTo("stop");
				assertThat(choice.content()).isEqualTo("be brief\nwhat is dapr\na sidecar\nthanks");
				assertThat(choice.toolCalls()).isEmpty();
			});
		});
	}

	@Test
	void offeredToolsComeBackAsToolCalls() {
		ConversationResponse response = dapr.conversation()
			.converse(ConversationRequest.builder("echo")
				.message(ConversationMessage.user("weather in Paris?"))
				.tool(ConversationTool.function("weather", "Current weather of a city", Map.of("type", "object",
						"properties", Map.of("city", Map.of("type", "string"), "unit", Map.of("type", "string")))))
				.build());
		ConversationChoice choice = response.choices().get(0);
		assertThat(choice.finishReason()).isEqualTo("tool_calls");
		assertThat(choice.toolCalls()).containsExactly(new ToolCall("0", "weather", "city,unit"));
	}

	@Test
	void aToolResultIsSentBackWithTheCallItAnswers() {
		ConversationResponse response = dapr.conversation()
			.converse("echo", List.of(ConversationMessage.user("weather in Paris?"),
					ConversationMessage.assistant("", List.of(new ToolCall("call-1", "weather", "{\"city\":\"Paris\"}"))),
					ConversationMessage.tool("call-1", "weather", "sunny")));
		ConversationChoice choice = response.choices().get(0);
		assertThat(choice.content())
			.isEqualTo("weather in Paris?\nTool Response for tool ID 'call-1' with name 'weather': sunny");
		// The echo component repeats the assistant's tool calls.
		assertThat(choice.toolCalls()).containsExactly(new ToolCall("call-1", "weather", "{\"city\":\"Paris\"}"));
	}

	@Test
	void piiIsScrubbedFromInputs() {
		ConversationResponse response = dapr.conversation()
			.converse(ConversationRequest.builder("echo")
				.message(ConversationMessage.user("mail me at jane.doe@example.com"))
				.scrubPiiInputs(true)
				.build());
		assertThat(response.text()).isEqualTo("mail me at <EMAIL_ADDRESS>");
		assertThat(dapr.conversation().converse("echo", "mail me at jane.doe@example.com"))
			.isEqualTo("mail me at jane.doe@example.com");
	}

	@Test
	void piiIsScrubbedFromOutputs() {
		ConversationResponse response = dapr.conversation()
			.converse(ConversationRequest.builder("echo")
				.message(ConversationMessage.user("call 192.168.1.20"))
				.scrubPiiOutputs(true)
				.build());
		assertThat(response.text()).isEqualTo("call <IP>");
	}

	@Test
	void anUnknownComponentIsNamedWithTheComponentsTheSidecarHas() {
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> dapr.conversation().converse("nope", "hi"))
			.withMessageContaining("No conversation component named 'nope'")
			.withMessageContaining("echo (conversation.echo)");
	}

	@Test
	void aConversationWithoutMessagesFailsBeforeItIsSent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> dapr.conversation().converse(ConversationRequest.builder("echo").build()))
			.withMessageContaining("no message to send");
		assertThatIllegalArgumentException().isThrownBy(() -> dapr.conversation().converse("echo", " "))
			.withMessageContaining("Message 0 (user)")
			.withMessageContaining("is empty");
	}

}
