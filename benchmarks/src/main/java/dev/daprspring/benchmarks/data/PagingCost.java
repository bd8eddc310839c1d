package dev.daprspring.benchmarks.data;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * What one {@code findAll(Pageable)} page of 20 costs as the keyspace grows: the keyspace is
 * emptied, filled to each size through the repository, and pages are read until enough time
 * has passed.
 */
final class PagingCost {

	private static final int PAGE_SIZE = 20;

	private static final long MEASURE_NANOS = 1_500_000_000L;

	private static final int MIN_CALLS = 5;

	private static final int SEED_THREADS = 4;

	private final OrderRepository repository;

	private final PrintStream out;

	/** Spreads the pages and ids read over the keyspace. */
	private int calls;

	PagingCost(OrderRepository repository, PrintStream out) {
		this.repository = repository;
		this.out = out;
	}

	/**
	 * Measures at each size, smallest first.
	 * @return whether a page came back wrong
	 */
	boolean run(List<Integer> sizes) throws Exception {
		this.repository.deleteAll();
		this.out.println("findAll(Pageable), pages of 20 (median ms per call; the keyspace holds only these entities):");
		this.out.printf(Locale.ROOT, "%8s %8s %8s %14s %9s %11s %8s%n", "entities", "seed s", "page ms",
				"sorted page ms", "count ms", "findById ms", "save ms");
		boolean failed = false;
		int stored = 0;
		for (int size : sizes) {
			long seedStart = System.nanoTime();
			seed(stored, size);
			double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
			stored = size;
			int pages = size / PAGE_SIZE;
			int total = size;
			int[] wrong = new int[1];
			double page = median(() -> check(this.repository.findAll(PageRequest.of(next(pages), PAGE_SIZE)), total,
					wrong));
			double sorted = median(() -> check(this.repository
				.findAll(PageRequest.of(next(pages), PAGE_SIZE, Sort.by("total").descending())), total, wrong));
			double count = median(() -> (int) this.repository.count());
			double findById = median(() -> this.repository.findById("page-" + next(total)).isPresent() ? 1 : 0);
			// An update: its cost grows with the index shard it reads twice (size / 16 ids).
			double save = median(() -> {
				int n = next(total);
				this.repository.save(Order.sample("page-" + n, n));
				return n;
			});
			this.out.printf(Locale.ROOT, "%8d %8.1f %8.1f %14.1f %9.1f %11.2f %8.2f%n", size, seedSeconds, page,
					sorted, count, findById, save);
			if (wrong[0] > 0) {
				this.out.println(wrong[0] + " pages at " + size + " entities had the wrong content or total");
				failed = true;
			}
		}
		return failed;
	}

	private int next(int bound) {
		return Math.floorMod(this.calls++ * 7919, bound);
	}

	private static int check(Page<Order> page, int total, int[] wrong) {
		if (page.getContent().size() != PAGE_SIZE || page.getTotalElements() != total) {
			wrong[0]++;
		}
		return page.getNumberOfElements();
	}

	/** Saves entities {@code from} to {@code to - 1} through the repository, on a few threads. */
	private void seed(int from, int to) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < SEED_THREADS; t++) {
				int first = from + t;
				done.add(pool.submit(() -> {
					for (int n = first; n < to; n += SEED_THREADS) {
						this.repository.save(Order.sample("page-" + n, n));
					}
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Calls until both enough time and enough calls have passed; the median call in ms. */
	private static double median(IntSupplier call) {
		List<Long> nanos = new ArrayList<>();
		long start = System.nanoTime();
		while (nanos.size() < MIN_CALLS || System.nanoTime() - start < MEASURE_NANOS) {
			long before = System.nanoTime();
			call.getAsInt();
			nanos.add(System.nanoTime() - before);
		}
		long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		return sorted[sorted.length / 2] / 1e6;
	}

}
