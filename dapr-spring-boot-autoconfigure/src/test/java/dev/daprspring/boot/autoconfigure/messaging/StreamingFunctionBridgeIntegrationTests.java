package dev.daprspring.boot.autoconfigure.messaging;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The function bridge over streaming subscriptions: the functions' input topics are
 * streamed like {@code @Topic} handlers' topics, with no web server.
 */
@SpringBootTest(classes = FunctionBridgeIntegrationTests.Application.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "dapr.sidecar.launch=always", "dapr.messaging.delivery=streaming",
				"dapr.function.bindings.invoice.input-topic=orders",
				"dapr.function.bindings.invoice.output-topic=invoices",
				"dapr.function.bindings.audit.input-topic=audit-log", "dapr.function.bindings.audit.pubsub=pubsub" })
class StreamingFunctionBridgeIntegrationTests extends FunctionBridgeIntegrationTests {

}
