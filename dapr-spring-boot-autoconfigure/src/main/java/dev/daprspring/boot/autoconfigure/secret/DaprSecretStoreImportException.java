package dev.daprspring.boot.autoconfigure.secret;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.config.ConfigDataException;

/**
 * A {@code dapr:secretstore/...} config import without {@code optional:} could not be
 * read, so the application does not start.
 */
public class DaprSecretStoreImportException extends ConfigDataException {

	private final String problem;

	private final String action;

	DaprSecretStoreImportException(DaprSecretStoreConfigDataResource resource, String problem, String action,
			@Nullable Throwable cause) {
		super(describe(resource, problem) + ". " + action, cause);
		this.problem = describe(resource, problem);
		this.action = action;
	}

	/** What could not be imported and why. */
	public String getProblem() {
		return this.problem;
	}

	/** What to do about it. */
	public String getAction() {
		return this.action;
	}

	private static String describe(DaprSecretStoreConfigDataResource resource, String problem) {
		return "Could not import '" + resource.location() + "' from the Dapr sidecar at "
				+ resource.options().grpcEndpoint() + ": " + problem;
	}

}
