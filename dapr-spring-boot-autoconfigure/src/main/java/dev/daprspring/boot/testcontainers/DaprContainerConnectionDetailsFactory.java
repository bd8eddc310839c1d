package dev.daprspring.boot.testcontainers;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import dev.daprspring.boot.test.testcontainers.DaprContainer;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * Creates {@link DaprConnectionDetails} for a {@code @ServiceConnection}
 * {@link DaprContainer}, so the application talks to the containerised sidecar.
 */
class DaprContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<DaprContainer, DaprConnectionDetails> {

	@Override
	protected DaprConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<DaprContainer> source) {
		return new DaprContainerConnectionDetails(source);
	}

	/**
	 * Read from the container on each call: its mapped ports are only known once it has
	 * started.
	 */
	static final class DaprContainerConnectionDetails extends ContainerConnectionDetails<DaprContainer>
			implements DaprConnectionDetails {

		private DaprContainerConnectionDetails(ContainerConnectionSource<DaprContainer> source) {
			super(source);
		}

		@Override
		public String getGrpcEndpoint() {
			return getContainer().getGrpcEndpoint();
		}

		@Override
		public String getHttpEndpoint() {
			return getContainer().getHttpEndpoint();
		}

		@Override
		public @Nullable String getApiToken() {
			return getContainer().getApiToken();
		}

		@Override
		public String getMetricsEndpoint() {
			return getContainer().getMetricsEndpoint();
		}

	}

}
