package dev.daprspring.messaging.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.daprspring.messaging.bulk.BulkEntry;
import dev.daprspring.messaging.bulk.BulkTopicEventDispatcher;
import dev.daprspring.messaging.delivery.IncomingEvent;
import dev.daprspring.messaging.delivery.TopicEventDispatcher;
import dev.daprspring.messaging.delivery.TopicEventStatus;
import dev.daprspring.messaging.endpoint.DeclaredSubscription;
import dev.daprspring.messaging.endpoint.DeliveryRoutes;
import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;
import dev.daprspring.messaging.endpoint.TopicSubscription;

/**
 * The HTTP app channel for topics: answers the sidecar's {@code GET /dapr/subscribe} from
 * the {@link TopicEndpointRegistry} and runs each event posted to a delivery route through
 * the {@link TopicEventDispatcher}, answering {@code {"status":"SUCCESS|RETRY|DROP"}}; a
 * batch posted to a bulk subscription goes to the {@link BulkTopicEventDispatcher}, answered
 * with {@code {"statuses":[{"entryId","status"}]}}.
 * Map it to {@value #SUBSCRIBE_PATH} and {@code <base-path>/*}; it needs no Spring MVC.
 */
public class DaprTopicServlet extends SidecarFacingServlet {

	/** The path daprd reads the subscriptions from. */
	public static final String SUBSCRIBE_PATH = "/dapr/subscribe";

	private static final Log logger = LogFactory.getLog(DaprTopicServlet.class);

	private final transient TopicEndpointRegistry registry;

	private final transient TopicEventDispatcher dispatcher;

	private final transient JsonMapper json;

	private final transient CloudEventReader reader;

	private final transient BulkRequestReader bulkReader;

	private final transient BulkTopicEventDispatcher bulkDispatcher;

	private final String basePath;

	private transient List<DeclaredSubscription> declaredSubscriptions = List.of();

	private transient @Nullable SubscriptionVerifier verifier;

	// The subscriptions last published and their routes, taken together so that every
	// subscribed handler has a route; renewed on each GET /dapr/subscribe.
	private transient volatile @Nullable Snapshot snapshot;

	/**
	 * @param basePath the path under which deliveries arrive, for example
	 * {@code /dapr/topics}
	 */
	public DaprTopicServlet(TopicEndpointRegistry registry, TopicEventDispatcher dispatcher,
			BulkTopicEventDispatcher bulkDispatcher, JsonMapper json, String basePath) {
		this.registry = registry;
		this.dispatcher = dispatcher;
		this.json = json;
		this.reader = new CloudEventReader(json);
		this.bulkReader = new BulkRequestReader(json, this.reader);
		this.bulkDispatcher = bulkDispatcher;
		this.basePath = DeliveryRoutes.normalize(basePath);
	}

	/** Sets subscriptions declared in configuration, published next to those of {@code @Topic} methods. */
	public void setDeclaredSubscriptions(List<DeclaredSubscription> declaredSubscriptions) {
		this.declaredSubscriptions = List.copyOf(declaredSubscriptions);
	}

	/** Sets what checks, after the sidecar read the subscriptions, that it subscribed to them. */
	public void setSubscriptionVerifier(@Nullable SubscriptionVerifier verifier) {
		this.verifier = verifier;
	}

	/** The servlet mappings this servlet needs. */
	public String[] getMappings() {
		return new String[] { SUBSCRIBE_PATH, this.basePath + "/*" };
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!SUBSCRIBE_PATH.equals(path(request))) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		Snapshot published = new Snapshot(this.basePath, this.registry.getSubscriptions());
		this.snapshot = published;
		List<TopicSubscription> subscriptions = published.subscriptions();
		byte[] document = SubscriptionDocument.write(this.json, subscriptions, this.declaredSubscriptions,
				published.routes(), request.getContextPath());
		if (logger.isDebugEnabled()) {
			logger.debug("The sidecar read " + (subscriptions.size() + this.declaredSubscriptions.size())
					+ " subscription(s): "
					+ new String(document, StandardCharsets.UTF_8));
		}
		response.setContentType("application/json");
		response.setContentLength(document.length);
		response.getOutputStream().write(document);
		if (this.verifier != null) {
			this.verifier.subscriptionsRead(subscriptions);
		}
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		DeliveryRoutes.Route route = routes().route(path(request));
		if (route == null) {
			// daprd drops an event the app answers with 404.
			logger.warn("The sidecar posted an event to " + path(request) + ", which no @Topic handler serves; "
					+ "it is dropped");
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		byte[] body = readBody(request, response);
		if (body == null) {
			return;
		}
		if (route.endpoint().bulk() != null) {
			deliverBulk(route, body, response);
			return;
		}
		IncomingEvent event = this.reader.read(route.subscription().pubsub(), route.subscription().topic(), body,
				route.subscription().rawPayload());
		TopicEventStatus status = this.dispatcher.dispatch(route.endpoint(), event);
		byte[] answer = ("{\"status\":\"" + status.name() + "\"}").getBytes(StandardCharsets.UTF_8);
		response.setContentType("application/json");
		response.setContentLength(answer.length);
		response.getOutputStream().write(answer);
	}

	// A bulk subscription gets batches; a single event that reaches it anyway is a batch of one.
	private void deliverBulk(DeliveryRoutes.Route route, byte[] body, HttpServletResponse response)
			throws IOException {
		TopicSubscription subscription = route.subscription();
		List<BulkEntry> entries = this.bulkReader.read(subscription.pubsub(), subscription.topic(), body,
				subscription.rawPayload());
		ObjectNode answer = this.json.createObjectNode();
		if (entries != null) {
			ArrayNode statuses = answer.putArray("statuses");
			this.bulkDispatcher.dispatch(route.endpoint(), entries)
				.forEach((entryId, status) -> statuses.addObject()
					.put("entryId", entryId)
					.put("status", status.name()));
		}
		else {
			IncomingEvent event = this.reader.read(subscription.pubsub(), subscription.topic(), body,
					subscription.rawPayload());
			answer.put("status", this.bulkDispatcher.dispatch(route.endpoint(), event).name());
		}
		byte[] bytes = this.json.writeValueAsBytes(answer);
		response.setContentType("application/json");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	// Before the sidecar read the subscriptions (an event posted by hand), the registry as it is now.
	private DeliveryRoutes routes() {
		Snapshot published = this.snapshot;
		return (published != null) ? published.routes()
				: new DeliveryRoutes(this.basePath, this.registry.getSubscriptions());
	}

	private static String path(HttpServletRequest request) {
		String pathInfo = request.getPathInfo();
		return request.getServletPath() + ((pathInfo != null) ? pathInfo : "");
	}

	/** Subscriptions and the routes built from exactly them. */
	private record Snapshot(List<TopicSubscription> subscriptions, DeliveryRoutes routes) {

		Snapshot(String basePath, List<TopicSubscription> subscriptions) {
			this(subscriptions, new DeliveryRoutes(basePath, subscriptions));
		}

	}

}
