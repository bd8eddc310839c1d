package dev.daprspring.boot.autoconfigure.invoke;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.daprspring.core.invoke.DaprServiceInvocation;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Creates the bean of one {@link DaprServiceClient} interface, with the app id from
 * {@code dapr.invoke.app-ids.<bean-name>} or else from the annotation.
 *
 * @param <T> the interface type
 */
final class DaprServiceClientFactory<T> implements Supplier<T> {

	private final String beanName;

	private final Class<T> type;

	private final String annotatedAppId;

	private final BeanFactory beanFactory;

	private final Environment environment;

	DaprServiceClientFactory(String beanName, Class<T> type, String annotatedAppId, BeanFactory beanFactory,
			Environment environment) {
		this.beanName = beanName;
		this.type = type;
		this.annotatedAppId = annotatedAppId;
		this.beanFactory = beanFactory;
		this.environment = environment;
	}

	@Override
	public T get() {
		return this.beanFactory.getBean(DaprServiceInvocation.class).httpExchangeClient(appId(), this.type);
	}

	String appId() {
		String configured = configuredAppId(this.beanFactory.getBean(DaprInvokeProperties.class).getAppIds());
		if (StringUtils.hasText(configured)) {
			return configured.trim();
		}
		String appId = this.environment.resolveRequiredPlaceholders(this.annotatedAppId).trim();
		Assert.state(!appId.isEmpty(),
				() -> "No app id for @DaprServiceClient " + this.type.getName() + ": set @DaprServiceClient(\"<app-id>\")"
						+ " or the property dapr.invoke.app-ids." + this.beanName);
		return appId;
	}

	/** The configured app id of this bean; keys match ignoring case and dashes. */
	private @Nullable String configuredAppId(Map<String, String> appIds) {
		String wanted = normalize(this.beanName);
		return appIds.entrySet()
			.stream()
			.filter((entry) -> normalize(entry.getKey()).equals(wanted))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String normalize(String key) {
		return key.replace("-", "").toLowerCase(Locale.ROOT);
	}

}
