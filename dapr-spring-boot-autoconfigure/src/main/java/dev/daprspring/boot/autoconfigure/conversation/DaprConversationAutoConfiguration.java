package dev.daprspring.boot.autoconfigure.conversation;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.conversation.ai.DaprChatModel;
import dev.daprspring.core.conversation.ai.DaprChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a Spring AI {@link ChatModel} that talks to the Dapr
 * conversation component named by {@code dapr.conversation.component}, when Spring AI is
 * on the classpath.
 */
@AutoConfiguration(after = DaprClientAutoConfiguration.class)
@ConditionalOnClass(ChatModel.class)
@ConditionalOnBean(DaprOperations.class)
@ConditionalOnProperty("dapr.conversation.component")
@EnableConfigurationProperties(DaprConversationProperties.class)
public final class DaprConversationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(DaprChatModel.class)
	DaprChatModel daprChatModel(DaprOperations dapr, DaprConversationProperties properties) {
		DaprChatOptions.Builder options = DaprChatOptions.builder().temperature(properties.getTemperature());
		if (properties.isScrubPii()) {
			options.scrubPii(true);
		}
		return new DaprChatModel(dapr.conversation(), String.valueOf(properties.getComponent()), options.build());
	}

}
