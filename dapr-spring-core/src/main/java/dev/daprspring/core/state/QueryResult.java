package dev.daprspring.core.state;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a state query.
 *
 * @param results the matching entries of this page
 * @param token the token for the next page, or {@code null} on the last page
 */
public record QueryResult<T>(List<StateEntry<T>> results, @Nullable String token) {

	/** Whether another page may follow. */
	public boolean hasNext() {
		return this.token != null && !this.token.isEmpty();
	}

}
