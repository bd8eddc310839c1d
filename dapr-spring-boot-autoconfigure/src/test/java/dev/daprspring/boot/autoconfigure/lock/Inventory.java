package dev.daprspring.boot.autoconfigure.lock;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import dev.daprspring.core.DaprOperations;
import org.springframework.integration.support.locks.LockRegistry;

/** The README's example of the auto-configured LockRegistry: a check-then-write under a lock. */
class Inventory {

	private final DaprOperations dapr;

	private final LockRegistry<?> locks;

	Inventory(DaprOperations dapr, LockRegistry<?> locks) {
		this.dapr = dapr;
		this.locks = locks;
	}

	/** Takes {@code quantity} off the stock of {@code sku} if there is enough. */
	boolean reserve(String sku, int quantity) throws InterruptedException {
		Lock lock = this.locks.obtain("stock-" + sku);
		if (!lock.tryLock(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The stock of " + sku + " stayed locked for 10 s");
		}
		try {
			int stock = this.dapr.state().get("stock-" + sku, Integer.class).orElse(0);
			if (stock < quantity) {
				return false;
			}
			this.dapr.state().save("stock-" + sku, stock - quantity);
			return true;
		}
		finally {
			lock.unlock();
		}
	}

}
