package dev.daprspring.boot.autoconfigure.conversation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.daprspring.core.error.DaprComponentNotFoundException;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
