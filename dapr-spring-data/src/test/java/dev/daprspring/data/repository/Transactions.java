package dev.daprspring.data.repository;

import java.util.function.Supplier;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Runs test code inside {@code @Transactional} methods (a proxied bean). */
public class Transactions {

	@Transactional
	public <T> T run(Supplier<T> work) {
		return work.get();
	}

	@Transactional
	public void run(Runnable work) {
		work.run();
	}

	@Transactional(readOnly = true)
	public void readOnly(Runnable work) {
		work.run();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void runNew(Runnable work) {
		work.run();
	}

}
