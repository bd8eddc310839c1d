package dev.daprspring.data.repository;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.testsupport.Faults;
import dev.daprspring.core.state.SaveOptions;
import dev.daprspring.core.state.StateOperations;
import dev.daprspring.data.core.DaprKeyValueAdapter;
import dev.daprspring.data.mapping.DaprMappingContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository contract on state.redis (real daprd).
 */
class RedisRepositoryIntegrationTests extends RepositoryContract {

	@Override
	String store() {
		return "redis";
	}

	@Override
	boolean etagsGuardDeletes() {
		return false;
	}

	@Override
	boolean allOrNothingTransactions() {
		return false;
	}

	/**
	 * A save that read the entity as absent writes it without an ETag; meanwhile another
	 * application creates and updates it (with first-write concurrency, which state.redis then
	 * enforces on the key), so the write is refused, and deletes it before the save can look
	 * again. The refusal is a conflict (the save starts over), not a failure of the store.
	 */
	@Test
	void aSaveRefusedOverAnEntityThatWasCreatedAndDeletedMeanwhileStartsOver() {
		StateOperations state = this.dapr.state(store());
		String key = "order:race-1";
		state.delete(key);
		AtomicBoolean raced = new AtomicBoolean();
		StateOperations racing = Faults.proxy(StateOperations.class, (proxy, method, args) -> {
			boolean race = method.getName().equals("save") && args[0].equals(key) && raced.compareAndSet(false, true);
			if (race) {
				SaveOptions firstWrite = SaveOptions.none().withConcurrency(SaveOptions.Concurrency.FIRST_WRITE);
				state.save(key, new Order("race-1", "other", "NEW", 1, 1), firstWrite);
				state.save(key, new Order("race-1", "other", "PAID", 2, 1),
						firstWrite.withEtag(state.getEntry(key, Order.class).etag()));
			}
			try {
				return Faults.call(state, method, args);
			}
			finally {
				if (race) {
					state.delete(key);
				}
			}
		});
		DaprKeyValueAdapter adapter = new DaprKeyValueAdapter(racing, json, new DaprMappingContext());
		adapter.put("race-1", new Order("race-1", "mine", "NEW", 3, 1), "order");
		assertThat(raced).isTrue();
		assertThat(state.get(key, Order.class)).hasValueSatisfying((o) -> assertThat(o.getCustomerId()).isEqualTo("mine"));
		assertThat(adapter.indexedIds("order")).contains("race-1");
	}

}
