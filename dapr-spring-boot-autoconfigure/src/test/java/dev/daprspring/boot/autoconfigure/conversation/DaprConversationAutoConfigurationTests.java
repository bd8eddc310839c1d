package dev.daprspring.boot.autoconfigure.conversation;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.conversation.ai.DaprChatModel;
import dev.daprspring.core.conversation.ai.DaprChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wiring of {@link DaprConversationAutoConfiguration}; no sidecar is reached.
 */
class DaprConversationAutoConfigurationTests {

	final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(DaprClientAutoConfiguration.class, DaprConversationAutoConfiguration.class));

	@Test
	void aComponentGivesAChatModelWithTheConfiguredOptions() {
		this.runner
			.withPropertyValues("dapr.conversation.component=llm", "dapr.conversation.temperature=0.4",
					"dapr.conversation.scrub-pii=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(ChatModel.class);
				DaprChatModel model = context.getBean(DaprChatModel.class);
				assertThat(model.getComponent()).isEqualTo("llm");
				DaprChatOptions options = (DaprChatOptions) model.getOptions();
				assertThat(options.getTemperature()).isEqualTo(0.4);
				assertThat(options.getScrubPiiInputs()).isTrue();
				assertThat(options.getScrubPiiOutputs()).isTrue();
			});
	}

	@Test
	void withoutOptionsTheComponentDecides() {
		this.runner.withPropertyValues("dapr.conversation.component=llm").run((context) -> {
			DaprChatOptions options = (DaprChatOptions) context.getBean(DaprChatModel.class).getOptions();
			assertThat(options.getTemperature()).isNull();
			assertThat(options.getScrubPiiInputs()).isNull();
		});
	}

	@Test
	void withoutAComponentThereIsNoChatModel() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ChatModel.class));
	}

	@Test
	void withoutSpringAiThereIsNoChatModel() {
		this.runner.withClassLoader(new FilteredClassLoader(ChatModel.class))
			.withPropertyValues("dapr.conversation.component=llm")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("daprChatModel");
			});
	}

	@Test
	void withoutDaprOperationsThereIsNoChatModel() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DaprConversationAutoConfiguration.class))
			.withPropertyValues("dapr.conversation.component=llm")
			.run((context) -> assertThat(context).doesNotHaveBean(ChatModel.class));
	}

	@Test
	void backsOffFromTheApplicationsOwnDaprChatModel() {
		this.runner.withPropertyValues("dapr.conversation.component=llm")
			.withUserConfiguration(OwnModel.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(DaprChatModel.class);
				assertThat(context.getBean(DaprChatModel.class).getComponent()).isEqualTo("mine");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnModel {

		@Bean
		DaprChatModel myChatModel(DaprOperations dapr) {
			return new DaprChatModel(dapr.conversation(), "mine");
		}

	}

}
