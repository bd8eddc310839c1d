package dev.daprspring.samples.hello;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.state.SaveOptions;
import dev.daprspring.core.state.StateEntry;
import dev.daprspring.core.state.StateOperations;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Counts visits in the default state store. Each increment is a read and a save with the
 * ETag just read; when another request saved first, it reads again and retries, so
 * concurrent requests never lose a count.
 */
@Component
class VisitCounter {

	private final StateOperations state;

	VisitCounter(DaprOperations dapr) {
		this.state = dapr.state();
	}

	long increment(String page) {
		while (true) {
			StateEntry<Long> current = this.state.getEntry(page, Long.class);
			long next = (current.value() != null) ? current.value() + 1 : 1;
			try {
				this.state.save(page, next, SaveOptions.ifMatch(current.etag()));
				return next;
			}
			catch (OptimisticLockingFailureException ex) {
				// Someone else saved first: read again.
			}
		}
	}

}
