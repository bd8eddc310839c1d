package dev.daprspring.boot.autoconfigure.secret;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.daprspring.core.client.DaprClientOptions;
import org.springframework.boot.context.config.ConfigDataResource;

/**
 * A secret store, or one secret of it, to import as properties, with the connection to
 * the sidecar that holds it.
 */
public final class DaprSecretStoreConfigDataResource extends ConfigDataResource {

	private final String storeName;

	private final @Nullable String key;

	private final DaprClientOptions options;

	private final boolean optional;

	DaprSecretStoreConfigDataResource(String storeName, @Nullable String key, DaprClientOptions options,
			boolean optional) {
		super(optional);
		this.storeName = storeName;
		this.key = key;
		this.options = options;
		this.optional = optional;
	}

	/** The secret store. */
	public String storeName() {
		return this.storeName;
	}

	/** The one secret to import, or {@code null} for all of them. */
	public @Nullable String key() {
		return this.key;
	}

	/** How to reach the sidecar. */
	public DaprClientOptions options() {
		return this.options;
	}

	/** Whether the import was written with {@code optional:}. */
	public boolean optional() {
		return this.optional;
	}

	/** The location as written, without {@code optional:}, for example {@code dapr:secretstore/vault/db}. */
	public String location() {
		return DaprSecretStoreConfigDataLocationResolver.PREFIX + "/" + this.storeName
				+ ((this.key != null) ? "/" + this.key : "");
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof DaprSecretStoreConfigDataResource that) && this.storeName.equals(that.storeName)
				&& Objects.equals(this.key, that.key)
				&& this.options.grpcEndpoint().equals(that.options.grpcEndpoint());
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.storeName, this.key, this.options.grpcEndpoint());
	}

	@Override
	public String toString() {
		return location() + " (Dapr sidecar at " + this.options.grpcEndpoint() + ")";
	}

}
