package dev.daprspring.boot.autoconfigure.conversation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.daprspring.core.conversation.ai.DaprChatOptions;
import dev.daprspring.core.error.DaprComponentNotFoundException;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A Spring AI {@link ChatClient} on the auto-configured chat model, with daprd launched
 * by {@code dapr.sidecar.launch=always} from a component file for {@code conversation.echo}
 * (needs an {@code allcomponents} daprd: {@code DAPRD} or {@code ~/.dapr/bin/daprd}).
 */
class ConversationChatClientIntegrationTests {

	@TempDir
	Path components;

	@Test
	void aChatClientOnTheAutoConfiguredModelGetsTheEcho() throws IOException {
		try (ConfigurableApplicationContext context = run("echo")) {
			ChatModel chatModel = context.getBean(ChatModel.class);
			String content = ChatClient.create(chatModel).prompt().user("hi").call().content();
			assertThat(content).isEqualTo("hi");

			ChatResponse response = ChatClient.create(chatModel)
				.prompt()
				.system("be brief")
				.user("mail jane.doe@example.com")
				.call()
				.chatResponse();
			assertThat(response.getResult().getOutput().getText())
				.isEqualTo("be brief\nmail <EMAIL_ADDRESS>");
			assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("stop");
			assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(4);
			assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(4);
			assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(8);
		}
	}

	@Test
	void theModelAsksForTheOfferedToolsAndTheChatClientRunsThem() throws IOException {
		try (ConfigurableApplicationContext context = run("echo")) {
			ChatModel chatModel = context.getBean(ChatModel.class);
			Weather weather = new Weather();
			ChatResponse asked = chatModel
				.call(new Prompt("weather in Paris?", DaprChatOptions.builder().toolCallbacks(weather).build()));
			assertThat(asked.hasToolCalls()).isTrue();
			assertThat(asked.getResult().getMetadata().getFinishReason()).isEqualTo("tool_calls");
			// conversation.echo answers the names of the tool's parameters as its arguments.
			assertThat(asked.getResult().getOutput().getToolCalls())
				.containsExactly(new AssistantMessage.ToolCall("0", "function", "weather", "city"));
			assertThat(weather.arguments).isEmpty();

			// conversation.echo asks for every offered tool on every call, so the ChatClient's tool loop
			// never ends by itself: the tool stops it on its second run.
			Recording recording = new Recording(chatModel);
			assertThatIllegalStateException()
				.isThrownBy(() -> ChatClient.create(recording).prompt().user("weather in Paris?").toolCallbacks(weather)
					.call()
					.content())
				.withMessage("asked twice");
			assertThat(weather.arguments).containsExactly("city", "city");
			assertThat(recording.prompts).hasSize(2);
			assertThat(recording.prompts.get(1).getInstructions()).extracting(Message::getMessageType)
				.containsExactly(MessageType.USER, MessageType.ASSISTANT, MessageType.TOOL);
			// The echo of the question, the first answer (the same echo) and the tool's result.
			assertThat(recording.responses.get(1).getResult().getOutput().getText())
				.isEqualTo("weather in Paris?\nweather in Paris?\nTool Response for tool ID '0' with name 'weather': sunny");
		}
	}

	/** A weather tool that answers once and stops the conversation the second time it is asked. */
	static final class Weather implements ToolCallback {

		final List<String> arguments = new CopyOnWriteArrayList<>();

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
			this.arguments.add(arguments);
			if (this.arguments.size() > 1) {
				throw new IllegalStateException("asked twice");
			}
			return "sunny";
		}

	}

	/** Passes every call to the auto-configured model and keeps the prompts and answers. */
	static final class Recording implements ChatModel {

		final ChatModel model;

		final List<Prompt> prompts = new CopyOnWriteArrayList<>();

		final List<ChatResponse> responses = new CopyOnWriteArrayList<>();

		Recording(ChatModel model) {
			this.model = model;
		}

		@Override
		public ChatResponse call(Prompt prompt) {
			this.prompts.add(prompt);
			ChatResponse response = this.model.call(prompt);
			this.responses.add(response);
			return response;
		}

		@Override
		public ChatOptions getOptions() {
			return this.model.getOptions();
		}

	}

	@Test
	void aChatModelOnAnUnknownComponentSaysWhichTheSidecarHas() throws IOException {
		try (ConfigurableApplicationContext context = run("nope")) {
			ChatModel chatModel = context.getBean(ChatModel.class);
			assertThatExceptionOfType(DaprComponentNotFoundException.class)
				.isThrownBy(() -> ChatClient.create(chatModel).prompt().user("hi").call().content())
				.withMessageContaining("No conversation component named 'nope'")
				.withMessageContaining("echo (conversation.echo)");
		}
	}

	private ConfigurableApplicationContext run(String component) throws IOException {
		Files.writeString(this.components.resolve("echo.yaml"), """
				apiVersion: dapr.io/v1alpha1
				kind: Component
				metadata:
				  name: echo
				spec:
				  type: conversation.echo
				  version: v1
				""");
		return new SpringApplicationBuilder(ChatApp.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run("--dapr.sidecar.launch=always", "--dapr.sidecar.resources-paths=" + this.components,
					"--dapr.conversation.component=" + component, "--dapr.conversation.scrub-pii=true");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ChatApp {

	}

}
