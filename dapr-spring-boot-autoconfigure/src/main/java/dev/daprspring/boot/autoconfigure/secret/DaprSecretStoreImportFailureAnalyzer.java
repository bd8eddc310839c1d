package dev.daprspring.boot.autoconfigure.secret;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a failed {@code dapr:secretstore/...} import as what went wrong and what to do.
 */
class DaprSecretStoreImportFailureAnalyzer extends AbstractFailureAnalyzer<DaprSecretStoreImportException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DaprSecretStoreImportException cause) {
		return new FailureAnalysis(cause.getProblem(), cause.getAction(), cause);
	}

}
