package dev.daprspring.core.client;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The sidecar's building blocks, named as {@link DaprCall#buildingBlock()},
 * {@code dapr.client.resilience.building-blocks.*} and observations name them. Those with
 * components say what a component of theirs is called in messages and which component
 * types it has.
 */
public enum DaprBuildingBlock {

	/** The state API. */
	STATE("state store", "state."),

	/** Publishing to topics. */
	PUBSUB("pub/sub", "pubsub."),

	/** Output bindings. */
	BINDINGS("output binding", "bindings."),

	/** Secret stores. */
	SECRETS("secret store", "secretstores."),

	/** Configuration stores. */
	CONFIGURATION("configuration store", "configuration."),

	/** The sidecar's metadata. */
	METADATA(null, null),

	/** Virtual actors. */
	ACTORS(null, null),

	/** Scheduled jobs. */
	JOBS(null, null),

	/** Encryption and decryption. */
	CRYPTO("crypto component", "crypto."),

	/** The conversation (LLM) API. */
	CONVERSATION("conversation component", "conversation."),

	/** Distributed locks. */
	LOCK("lock store", "lock."),

	/** Workflows. */
	WORKFLOWS(null, null);

	private final String id;

	private final @Nullable String componentKind;

	private final @Nullable String componentTypePrefix;

	DaprBuildingBlock(@Nullable String componentKind, @Nullable String componentTypePrefix) {
		this.id = name().toLowerCase(Locale.ROOT);
		this.componentKind = componentKind;
		this.componentTypePrefix = componentTypePrefix;
	}

	/** The name calls, properties and observations use, for example {@code pubsub}. */
	public String id() {
		return this.id;
	}

	/** What one of its components is called in messages, for example {@code pub/sub}. */
	public String componentKind() {
		return (this.componentKind != null) ? this.componentKind : "component";
	}

	/** How the types of its components start, for example {@code pubsub.}; empty for any. */
	public String componentTypePrefix() {
		return (this.componentTypePrefix != null) ? this.componentTypePrefix : "";
	}

	/** The building block of this name, or {@code null} for one this enum does not know. */
	public static @Nullable DaprBuildingBlock of(String id) {
		for (DaprBuildingBlock block : values()) {
			if (block.id.equals(id)) {
				return block;
			}
		}
		return null;
	}

}
