package dev.daprspring.boot.autoconfigure.messaging;

import java.util.Set;

import io.grpc.BindableService;
import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.binding.BindingEndpointRegistry;
import dev.daprspring.messaging.binding.BindingEventDispatcher;
import dev.daprspring.messaging.delivery.DeliveryRoutes;
import dev.daprspring.messaging.grpc.AppApiTokenInterceptor;
import dev.daprspring.messaging.grpc.AppCallbackHealthService;
import dev.daprspring.messaging.grpc.AppCallbackService;
import dev.daprspring.messaging.grpc.AppHealth;
import dev.daprspring.messaging.grpc.JobCallbackService;
import dev.daprspring.messaging.job.JobEndpointRegistry;
import dev.daprspring.messaging.job.JobEventDispatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the gRPC app channel ({@code dapr.app.protocol=grpc}): the
 * {@code AppCallback} and {@code AppCallbackHealthCheck} services, which Spring gRPC's
 * server serves on {@code spring.grpc.server.port}. When an app API token is set, every
 * call that carries an event requires it; the subscription and binding listings and the
 * health check do not, as daprd 1.17 calls them without the token.
 */
// Before Spring gRPC's server auto-configuration, which starts a server only when it finds a service bean.
@AutoConfiguration(after = DaprMessagingAutoConfiguration.class,
		beforeName = { "org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration",
				"org.springframework.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration" })
@ConditionalOnClass(name = { "dev.daprspring.messaging.grpc.AppCallbackService",
		"org.springframework.grpc.server.GrpcServerFactory" })
@ConditionalOnProperty(name = "dapr.app.protocol", havingValue = "grpc")
public final class DaprGrpcAppChannelAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "daprAppCallbackService")
	BindableService daprAppCallbackService(DeliveryRoutes routes, BindingEndpointRegistry bindings,
			BindingEventDispatcher bindingDispatcher, JobEndpointRegistry jobs, JobEventDispatcher jobDispatcher,
			DaprMessagingProperties properties, DaprAppConnectionDetails appConnection) {
		AppCallbackService callback = new AppCallbackService(routes, bindings, bindingDispatcher);
		// Streaming subscriptions deliver the topics; the callback then serves input bindings only.
		callback.setListTopics(properties.getDelivery() != DaprMessagingProperties.Delivery.STREAMING);
		BindableService service = new JobCallbackService(jobs, jobDispatcher).withStableCallback(callback);
		String token = appConnection.getAppApiToken();
		if (token == null) {
			DaprMessagingAutoConfiguration.warnWithoutAppApiToken("The gRPC app channel (AppCallback)");
			return service;
		}
		return new AppApiTokenInterceptor(token, AppApiTokenInterceptor.OPEN_CALLBACKS).protect(service);
	}

	@Bean
	@ConditionalOnMissingBean(name = "daprJobCallbackService")
	BindableService daprJobCallbackService(JobEndpointRegistry jobs, JobEventDispatcher jobDispatcher,
			DaprAppConnectionDetails appConnection) {
		JobCallbackService service = new JobCallbackService(jobs, jobDispatcher);
		String token = appConnection.getAppApiToken();
		return (token != null) ? new AppApiTokenInterceptor(token, Set.of()).protect(service) : service;
	}

	@Bean
	@ConditionalOnMissingBean(name = "daprAppCallbackHealthService")
	BindableService daprAppCallbackHealthService(ObjectProvider<AppHealth> health,
			ObjectProvider<ApplicationAvailability> availability) {
		// Not behind the token: daprd 1.17 sends none on its health probes, and the answer carries no data.
		return new AppCallbackHealthService(health.getIfAvailable(() -> liveness(availability.getIfAvailable())));
	}

	// The same answer as the liveness group that daprd probes over HTTP (see dapr.sidecar.app-health-check).
	private static AppHealth liveness(@Nullable ApplicationAvailability availability) {
		return (availability != null) ? () -> availability.getLivenessState() == LivenessState.CORRECT
				: AppHealth.HEALTHY;
	}

}
