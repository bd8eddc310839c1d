package dev.daprspring.boot.autoconfigure.messaging;

import org.junit.jupiter.api.Test;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.pubsub.PublishOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CEL rule test of the app channels that publish rules (HTTP and gRPC; streaming
 * subscriptions have none). The application must declare {@link RoutingHandlers}.
 */
interface RoutingRulesSuite {

	DaprOperations dapr();

	Received received();

	@Test
	default void matchRulesRouteEventsByTypeInPriorityOrderAndTheRestGoToTheDefaultHandler() throws Exception {
		dapr().pubsub().publish("shapes", new Order("c", 1), PublishOptions.none().withType("circle"));
		assertThat(received().<Order>next("circles")).isEqualTo(new Order("c", 1));
		dapr().pubsub().publish("shapes", new Order("s", 1), PublishOptions.none().withType("square"));
		assertThat(received().<Order>next("squares")).isEqualTo(new Order("s", 1));
		dapr().pubsub().publish("shapes", new Order("t", 1), PublishOptions.none().withType("triangle"));
		assertThat(received().<Order>next("other-shapes")).isEqualTo(new Order("t", 1));
	}

}
