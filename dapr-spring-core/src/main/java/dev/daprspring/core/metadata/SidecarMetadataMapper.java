package dev.daprspring.core.metadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dapr.v1.DaprMetadataProtos.GetMetadataResponse;
import io.dapr.v1.DaprMetadataProtos.PubsubSubscription;
import io.dapr.v1.DaprMetadataProtos.PubsubSubscriptionRule;

/**
 * Maps the generated metadata response to {@link SidecarMetadata}.
 */
public final class SidecarMetadataMapper {

	private SidecarMetadataMapper() {
	}

	public static SidecarMetadata map(GetMetadataResponse response) {
		List<SidecarMetadata.Component> components = response.getRegisteredComponentsList()
			.stream()
			.map((c) -> new SidecarMetadata.Component(c.getName(), c.getType(), c.getVersion(),
					List.copyOf(c.getCapabilitiesList())))
			.toList();
		List<SidecarMetadata.Subscription> subscriptions = response.getSubscriptionsList()
			.stream()
			.map(SidecarMetadataMapper::subscription)
			.toList();
		SidecarMetadata.AppConnection app = null;
		if (response.hasAppConnectionProperties() && response.getAppConnectionProperties().getPort() > 0) {
			var properties = response.getAppConnectionProperties();
			app = new SidecarMetadata.AppConnection(properties.getPort(), properties.getProtocol(),
					properties.getChannelAddress(), properties.getMaxConcurrency());
		}
		String actors = response.hasActorRuntime() ? response.getActorRuntime().getRuntimeStatus().name() : "DISABLED";
		return new SidecarMetadata(response.getId(), response.getRuntimeVersion(), components, subscriptions, app,
				actors, List.copyOf(response.getEnabledFeaturesList()), Map.copyOf(response.getExtendedMetadataMap()));
	}

	private static SidecarMetadata.Subscription subscription(PubsubSubscription subscription) {
		Map<String, String> routes = new LinkedHashMap<>();
		for (PubsubSubscriptionRule rule : subscription.getRules().getRulesList()) {
			routes.put(rule.getMatch(), rule.getPath());
		}
		return new SidecarMetadata.Subscription(subscription.getPubsubName(), subscription.getTopic(),
				subscription.getDeadLetterTopic(), subscription.getType().name(), routes,
				Map.copyOf(subscription.getMetadataMap()));
	}

}
