package dev.daprspring.benchmarks.pubsub;

import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.messaging.annotation.Topic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The subscribing application, started once per delivery mode with its own launched
 * daprd: a {@code @Topic} handler of {@value #TOPIC} and, in the servlet application, the
 * hand-written baseline at {@value #BASELINE_ROUTE}, subscribed to {@value #BASELINE_TOPIC}
 * through {@code dapr.messaging.subscriptions}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class SubscriberApp {

	/** The topic of the {@code @Topic} handler. */
	public static final String TOPIC = "bench-orders";

	/** The topic of the baseline servlet. */
	public static final String BASELINE_TOPIC = "bench-baseline";

	/** The route of the baseline servlet. */
	public static final String BASELINE_ROUTE = "/baseline";

	@Bean
	Deliveries topicDeliveries() {
		return new Deliveries();
	}

	@Bean
	Handler handler(Deliveries topicDeliveries) {
		return new Handler(topicDeliveries);
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	Deliveries baselineDeliveries() {
		return new Deliveries();
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	ServletRegistrationBean<BaselineServlet> baselineServlet(ObjectProvider<JsonMapper> json,
			Deliveries baselineDeliveries) {
		return new ServletRegistrationBean<>(
				new BaselineServlet(json.getIfAvailable(JsonMapper::new), baselineDeliveries), BASELINE_ROUTE);
	}

	/**
	 * The {@code @Topic} handler: counts each order.
	 */
	static class Handler {

		private final Deliveries deliveries;

		Handler(Deliveries deliveries) {
			this.deliveries = deliveries;
		}

		@Topic(name = TOPIC)
		void order(Order order) {
			if (order.id() != null) {
				this.deliveries.received();
			}
			else {
				this.deliveries.failed();
			}
		}

	}

}
