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

import dev.daprspring.messaging.delivery.BulkEntry;
import dev.daprspring.messaging.delivery.DeliveryRoutes;
import dev.daprspring.messaging.delivery.IncomingEvent;
import dev.daprspring.messaging.delivery.TopicEventListener;
import dev.daprspring.messaging.endpoint.DeclaredSubscription;
import dev.daprspring.messaging.endpoint.TopicSubscription;

/**
 * The HTTP app channel for topics: answers the sidecar's {@code GET /dapr/subscribe} from
 * the {@link DeliveryRoutes} and hands each event posted to a route to that route's
 * {@link TopicEventListener}, answering {@code {"status":"SUCCESS|RETRY|DROP"}}; a batch
 * posted to a bulk subscription is answered with
 * {@code {"statuses":[{"entryId","status"}]}}.
 * Map it to {@value #SUBSCRIBE_PATH} and {@code <base-path>/*}; it needs no Spring MVC.
 */
public class DaprTopicServlet extends SidecarFacingServlet {

	/** The path daprd reads the subscriptions from. */
	public static final String SUBSCRIBE_PATH = "/dapr/subscribe";

	private static final Log logger = LogFactory.getLog(DaprTopicServlet.class);

	private final transient DeliveryRoutes routes;

	private final transient JsonMapper json;

	private final transient CloudEventReader reader;

	private final transient BulkRequestReader bulkReader;

	private final String basePath;

	private transient List<DeclaredSubscription> declaredSubscriptions = List.of();

	private transient @Nullable SubscriptionVerifier verifier;

	/**
	 * @param basePath the path under which deliveries arrive, for example
	 * {@code /dapr/topics}
	 */
	public DaprTopicServlet(DeliveryRoutes routes, JsonMapper json, String basePath) {
		this.routes = routes;
		this.json = json;
		this.reader = new CloudEventReader(json);
		this.bulkReader = new BulkRequestReader(json, this.reader);
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
		DeliveryRoutes.Snapshot published = this.routes.snapshot();
		List<TopicSubscription> subscriptions = published.subscriptions();
		byte[] document = SubscriptionDocument.write(this.json, published, this.declaredSubscriptions, this.basePath,
				request.getContextPath());
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
		DeliveryRoutes.Route route = route(path(request));
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
		TopicSubscription subscription = route.subscription();
		ObjectNode answer = this.json.createObjectNode();
		// The sidecar posts batches only to subscriptions published as bulk; a single event may still reach them.
		List<BulkEntry> entries = (subscription.bulk() != null) ? this.bulkReader.read(subscription.pubsub(),
				subscription.topic(), body, subscription.rawPayload()) : null;
		if (entries != null) {
			ArrayNode statuses = answer.putArray("statuses");
			route.listener()
				.onBatch(entries)
				.forEach((entryId, status) -> statuses.addObject().put("entryId", entryId).put("status", status.name()));
		}
		else {
			IncomingEvent event = this.reader.read(subscription.pubsub(), subscription.topic(), body,
					subscription.rawPayload());
			answer.put("status", route.listener().onEvent(event).name());
		}
		byte[] bytes = this.json.writeValueAsBytes(answer);
		response.setContentType("application/json");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	private DeliveryRoutes.@Nullable Route route(String path) {
		String prefix = this.basePath + "/";
		return path.startsWith(prefix) ? this.routes.snapshot().route(path.substring(prefix.length())) : null;
	}

	private static String path(HttpServletRequest request) {
		String pathInfo = request.getPathInfo();
		return request.getServletPath() + ((pathInfo != null) ? pathInfo : "");
	}

}
