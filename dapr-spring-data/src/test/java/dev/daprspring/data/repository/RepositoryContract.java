package dev.daprspring.data.repository;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.state.StateOperations;
import dev.daprspring.data.core.DaprKeyValueTemplate;
import dev.daprspring.data.transaction.DaprTransactionManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The repository contract, run against each state store by a subclass (real daprd).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoryContract {

	static final JsonMapper json = JsonMapper.builder().build();

	static final HttpClient http = HttpClient.newHttpClient();

	DaprSidecar sidecar;

	DaprTransport transport;

	AnnotationConfigApplicationContext context;

	OrderRepository orders;

	/** A second application on the same store: repositories with an adapter of their own. */
	AnnotationConfigApplicationContext otherApplication;

	OrderRepository otherOrders;

	CounterRepository counters;

	SessionRepository sessions;

	LabelRepository labels;

	AccountRepository accounts;

	TicketRepository tickets;

	DaprTemplate dapr;

	Transactions transactions;

	/** The state store under test. */
	abstract String store();

	/** Whether the store rejects a write whose ETag names a key deleted since (the cheap save relies on it). */
	abstract boolean etagsGuardDeletes();

	/** The state API calls made while recording, as operation names. */
	final List<String> stateCalls = new java.util.concurrent.CopyOnWriteArrayList<>();

	volatile boolean recording;

	/** Whether the store applies no operation of a state transaction when one has a stale ETag. */
	abstract boolean allOrNothingTransactions();

	/**
	 * Whether the repositories keep index documents on this store; a store with the state query
	 * API keeps none, so the tests that read the index documents themselves skip those reads there.
	 */
	boolean keepsIndex() {
		return true;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableDaprRepositories
	@EnableTransactionManagement
	static class Repositories {

		@Bean
		DaprTemplate daprTemplate(DaprTransport transport) {
			return new DaprTemplate(transport, json);
		}

		@Bean
		DaprTransactionManager transactionManager() {
			return new DaprTransactionManager();
		}

		@Bean
		Transactions transactions() {
			return new Transactions();
		}

	}

	@BeforeAll
	void start() {
		this.sidecar = RepositorySidecar.get();
		this.transport = new DaprTransport(
				DaprClientOptions.of(this.sidecar.grpcEndpoint(), this.sidecar.httpEndpoint(), null));
		io.micrometer.observation.ObservationRegistry registry = io.micrometer.observation.ObservationRegistry.create();
		registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {

			@Override
			public void onStart(io.micrometer.observation.Observation.Context context) {
				var call = ((dev.daprspring.core.observation.DaprClientObservationContext) context).getCall();
				if (RepositoryContract.this.recording && call.buildingBlock().equals("state")) {
					RepositoryContract.this.stateCalls.add(call.operation());
				}
			}

			@Override
			public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
				return context instanceof dev.daprspring.core.observation.DaprClientObservationContext;
			}

		});
		this.transport.setObservationRegistry(registry);
		this.context = repositories();
		this.otherApplication = repositories();
		this.otherOrders = this.otherApplication.getBean(OrderRepository.class);
		this.orders = this.context.getBean(OrderRepository.class);
		this.counters = this.context.getBean(CounterRepository.class);
		this.sessions = this.context.getBean(SessionRepository.class);
		this.labels = this.context.getBean(LabelRepository.class);
		this.accounts = this.context.getBean(AccountRepository.class);
		this.tickets = this.context.getBean(TicketRepository.class);
		this.dapr = this.context.getBean(DaprTemplate.class);
		this.transactions = this.context.getBean(Transactions.class);
	}

	// One application's repositories: its own adapter, with its own caches.
	private AnnotationConfigApplicationContext repositories() {
		AnnotationConfigApplicationContext repositories = new AnnotationConfigApplicationContext();
		repositories.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("dapr.data.default-store", store())));
		repositories.registerBean(DaprTransport.class, () -> this.transport);
		repositories.register(Repositories.class);
		repositories.refresh();
		return repositories;
	}

	@AfterAll
	void stop() {
		this.otherApplication.close();
		this.context.close();
		this.transport.close();
	}

	@BeforeEach
	void empty() {
		this.orders.deleteAll();
		this.counters.deleteAll();
	}

	@Test
	void onlyAnnotatedInterfacesBecomeRepositories() {
		assertThat(this.context.getBeanNamesForType(NotADaprRepository.class)).isEmpty();
	}

	@Test
	void savesReadsUpdatesAndDeletesAnEntityWithAGeneratedId() {
		Order order = this.orders.save(new Order(null, "c-1", "NEW", 10, 1));
		assertThat(order.getId()).hasSize(36);
		assertThat(this.orders.findById(order.getId())).hasValueSatisfying((o) -> assertThat(o.getTotal()).isEqualTo(10));
		order.setStatus("PAID");
		this.orders.save(order);
		assertThat(this.orders.findById(order.getId()).get().getStatus()).isEqualTo("PAID");
		assertThat(this.orders.existsById(order.getId())).isTrue();
		assertThat(this.orders.count()).isEqualTo(1);
		this.orders.deleteById(order.getId());
		assertThat(this.orders.findById(order.getId())).isEmpty();
		assertThat(this.orders.existsById(order.getId())).isFalse();
		assertThat(this.orders.count()).isZero();
		this.orders.deleteById("never-there");
	}

	@Test
	void savesFindsAndDeletesSeveralEntities() {
		List<Order> saved = this.orders.saveAll(List.of(new Order("a", "c", "NEW", 1, 1),
				new Order("b", "c", "NEW", 2, 2), new Order("c", "c", "NEW", 3, 3)));
		assertThat(saved).hasSize(3);
		assertThat(this.orders.findAllById(List.of("c", "missing", "a"))).extracting(Order::getId)
			.containsExactlyInAnyOrder("a", "c");
		this.orders.deleteAll(List.of(saved.get(0), saved.get(1)));
		assertThat(this.orders.findAll()).extracting(Order::getId).containsExactly("c");
		this.orders.deleteAll();
		assertThat(this.orders.count()).isZero();
	}

	@Test
	void pagesAndSortsAThousandEntities() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> saves = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				Order order = new Order("p-" + i, "c-" + (i % 7), (i % 2 == 0) ? "EVEN" : "ODD", i, 1000 - i);
				saves.add(pool.submit(() -> this.orders.save(order)));
			}
			for (Future<?> save : saves) {
				save.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.orders.count()).isEqualTo(1000);
		List<Integer> totals = new ArrayList<>();
		for (int page = 0; page < 10; page++) {
			Page<Order> result = this.orders.findAll(PageRequest.of(page, 100, Sort.by("total")));
			assertThat(result.getTotalElements()).isEqualTo(1000);
			assertThat(result.getTotalPages()).isEqualTo(10);
			result.forEach((o) -> totals.add(o.getTotal()));
		}
		assertThat(totals).containsExactlyElementsOf(IntStream.range(0, 1000).boxed().toList());
		assertThat(this.orders.findAll(Sort.by(Sort.Direction.DESC, "total"))).first()
			.extracting(Order::getTotal)
			.isEqualTo(999);
		Page<Order> odd = this.orders.findByStatus("ODD", PageRequest.of(2, 10, Sort.by("total")));
		assertThat(odd.getTotalElements()).isEqualTo(500);
		assertThat(odd.getContent()).extracting(Order::getTotal).startsWith(41, 43).hasSize(10);
	}

	@Test
	void derivedQueriesFilterSortAndLimit() {
		this.orders.saveAll(List.of(new Order("1", "alice", "NEW", 10, 100), new Order("2", "alice", "PAID", 20, 200),
				new Order("3", "alice", "PAID", 30, 300), new Order("4", "bob", "PAID", 40, 400),
				new Order("5", "bob", "new", 50, 500), new Order("6", "carol", "SHIPPED", 60, 600)));
		assertThat(this.orders.findByStatus("PAID")).extracting(Order::getId).containsExactlyInAnyOrder("2", "3", "4");
		assertThat(this.orders.findByCustomerIdAndStatusOrderByCreatedAtDesc("alice", "PAID")).extracting(Order::getId)
			.containsExactly("3", "2");
		assertThat(this.orders.countByStatus("PAID")).isEqualTo(3);
		assertThat(this.orders.existsByStatus("SHIPPED")).isTrue();
		assertThat(this.orders.existsByStatus("LOST")).isFalse();
		// spring-data-keyvalue's predicate query creator treats Between bounds as exclusive
		assertThat(this.orders.findByTotalBetween(20, 40)).extracting(Order::getId).containsExactly("3");
		assertThat(this.orders.findByTotalBetween(19, 41)).extracting(Order::getId)
			.containsExactlyInAnyOrder("2", "3", "4");
		assertThat(this.orders.findByStatusIn(List.of("NEW", "SHIPPED"))).extracting(Order::getId)
			.containsExactlyInAnyOrder("1", "6");
		assertThat(this.orders.findByTotalGreaterThan(40)).extracting(Order::getId).containsExactlyInAnyOrder("5", "6");
		assertThat(this.orders.findByCustomerIdStartingWith("ca")).extracting(Order::getId).containsExactly("6");
		assertThat(this.orders.findByStatusIgnoreCase("new")).extracting(Order::getId).containsExactlyInAnyOrder("1", "5");
		assertThat(this.orders.findTop3ByOrderByTotalDesc()).extracting(Order::getId).containsExactly("6", "5", "4");
		assertThat(this.orders.findFirstByStatusOrderByTotalAsc("PAID").getId()).isEqualTo("2");
		Slice<Order> slice = this.orders.findByCustomerId("alice", PageRequest.of(0, 2, Sort.by("total")));
		assertThat(slice.getContent()).extracting(Order::getId).containsExactly("1", "2");
		assertThat(slice.hasNext()).isTrue();
		Slice<Order> last = this.orders.findByCustomerId("alice", slice.nextPageable());
		assertThat(last.getContent()).extracting(Order::getId).containsExactly("3");
		assertThat(last.hasNext()).isFalse();
		try (Stream<Order> paid = this.orders.streamByStatusOrderByTotalAsc("PAID")) {
			assertThat(paid.map(Order::getId)).containsExactly("2", "3", "4");
		}
	}

	@Test
	void derivedDeletesRemoveWhatTheyFindFromTheDataAndTheIndex() {
		this.orders.saveAll(List.of(new Order("d1", "alice", "NEW", 10, 1), new Order("d2", "alice", "PAID", 20, 2),
				new Order("d3", "bob", "PAID", 30, 3), new Order("d4", "alice", "PAID", 40, 4)));
		assertThat(this.orders.deleteByStatus("NEW")).isEqualTo(1);
		assertThat(this.orders.deleteByStatus("NEW")).isZero();
		assertThat(this.orders.deleteByCustomerIdAndTotalGreaterThan("alice", 15)).extracting(Order::getId)
			.containsExactlyInAnyOrder("d2", "d4");
		assertThat(this.orders.findAll()).extracting(Order::getId).containsExactly("d3");
		DaprKeyValueTemplate template = this.context.getBean(DaprRepositoryTemplates.class)
			.templateFor(store(), "test");
		if (keepsIndex()) {
			assertThat(template.getKeyValueAdapter().indexedIds("order")).containsExactly("d3");
		}
		assertThat(this.dapr.state(store()).getEntry("order:d2", JsonNode.class).exists()).isFalse();
		for (long id = 1; id <= 3; id++) {
			Counter counter = new Counter(id);
			counter.setValue(id * 10);
			this.counters.save(counter);
		}
		this.counters.deleteByValueLessThan(25);
		assertThat(this.counters.findAll()).extracting(Counter::getId).containsExactly(3L);
	}

	@Test
	void aStaleVersionFailsTheSaveOrDeleteAndWritesNothing() {
		Counter saved = this.counters.save(new Counter(7L));
		assertThat(saved.getVersion()).isEqualTo(1);
		Counter first = this.counters.findById(7L).orElseThrow();
		Counter second = this.counters.findById(7L).orElseThrow();
		first.setValue(1);
		this.counters.save(first);
		assertThat(first.getVersion()).isEqualTo(2);
		second.setValue(99);
		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.counters.save(second))
			.withMessageContaining("counter:7")
			.withMessageContaining("carries version 1 but the store holds version 2")
			.withMessageContaining("nothing was written");
		assertThat(second.getVersion()).isEqualTo(1);
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.counters.delete(second));
		Counter stored = this.counters.findById(7L).orElseThrow();
		assertThat(stored.getValue()).isEqualTo(1);
		assertThat(stored.getVersion()).isEqualTo(2);
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.counters.save(new Counter(7L)))
			.withMessageContaining("Cannot insert existing object with id 7");
		this.counters.delete(stored);
		assertThat(this.counters.existsById(7L)).isFalse();
	}

	@Test
	void aRecordWithANullIdIsSavedAsANewInstanceWithItsGeneratedId() {
		Label saved = this.labels.save(new Label(null, "urgent"));
		assertThat(saved.id()).hasSize(36);
		assertThat(this.dapr.state(store()).getEntry("label:" + saved.id(), JsonNode.class).value().get("id").asString())
			.isEqualTo(saved.id());
		assertThat(this.labels.findById(saved.id())).contains(saved);
		Label renamed = this.labels.save(new Label(saved.id(), "later"));
		assertThat(renamed).isEqualTo(new Label(saved.id(), "later"));
		assertThat(this.labels.findById(saved.id())).contains(renamed);
		this.labels.delete(renamed);
		assertThat(this.labels.existsById(saved.id())).isFalse();
	}

	@Test
	void aRecordWithAVersionIsSavedAsANewInstanceWithTheNextVersion() {
		Account first = this.accounts.save(new Account(null, "ann", 10, null));
		assertThat(first.id()).hasSize(36);
		assertThat(first.version()).isEqualTo(1);
		Account second = this.accounts.save(first.withBalance(20));
		assertThat(second).isEqualTo(new Account(first.id(), "ann", 20, 2L));
		// Read, then saved: on some stores the cheap save with the ETag of that read.
		Account third = this.accounts.save(this.accounts.findById(first.id()).orElseThrow().withBalance(30));
		assertThat(third.version()).isEqualTo(3);
		assertThat(this.accounts.findById(first.id())).contains(third);
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.accounts.save(second.withBalance(99)))
			.withMessageContaining("account:" + first.id())
			.withMessageContaining("carries version 2 but the store holds version 3");
		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.accounts.delete(second));
		assertThat(this.accounts.findById(first.id())).contains(third);
		this.accounts.delete(third);
		assertThat(this.accounts.existsById(first.id())).isFalse();
	}

	@Test
	void saveAllOfRecordsReturnsTheSavedInstances() {
		List<Account> saved = this.accounts
			.saveAll(List.of(new Account(null, "a", 1, null), new Account(null, "b", 2, null)));
		assertThat(saved).extracting(Account::owner, Account::balance, Account::version)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1L, 1L),
					org.assertj.core.groups.Tuple.tuple("b", 2L, 1L));
		List<String> ids = saved.stream().map(Account::id).toList();
		assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
		assertThat(this.accounts.findAllById(ids)).containsExactlyInAnyOrderElementsOf(saved);
		List<Account> again = this.accounts.saveAll(saved.stream().map((a) -> a.withBalance(a.balance() + 1)).toList());
		assertThat(again).extracting(Account::id, Account::version)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ids.get(0), 2L),
					org.assertj.core.groups.Tuple.tuple(ids.get(1), 2L));
		this.accounts.deleteAll(again);
	}

	@Test
	void recordsSavedInATransactionAreNewInstancesWithIdAndVersion() {
		Account saved = this.transactions.run(() -> {
			Account created = this.accounts.save(new Account(null, "tx", 5, null));
			assertThat(created.id()).hasSize(36);
			assertThat(created.version()).isEqualTo(1);
			assertThat(this.accounts.findById(created.id())).contains(created);
			Account updated = this.accounts.save(created.withBalance(6));
			assertThat(updated.version()).isEqualTo(2);
			List<Account> more = this.accounts.saveAll(List.of(new Account(null, "tx-2", 7, null)));
			assertThat(more).singleElement().satisfies((a) -> assertThat(a.version()).isEqualTo(1));
			return updated;
		});
		assertThat(this.accounts.findById(saved.id())).contains(saved);
		Account stale = saved.withBalance(0);
		this.accounts.save(saved.withBalance(8));
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.transactions.run(() -> this.accounts.save(stale)))
			.withMessageContaining("carries version 2 but the store holds version 3");
		assertThat(this.accounts.findById(saved.id()).orElseThrow().balance()).isEqualTo(8);
		this.accounts.deleteById(saved.id());
	}

	@Test
	void insertAndUpdateEventsCarryTheSavedRecord() {
		List<Object> events = new java.util.concurrent.CopyOnWriteArrayList<>();
		DaprKeyValueTemplate template = this.context.getBean(DaprRepositoryTemplates.class).templateFor(store(), "test");
		template.setApplicationEventPublisher(events::add);
		try {
			Account saved = this.accounts.save(new Account(null, "ev", 1, null));
			Account updated = this.accounts.save(saved.withBalance(2));
			assertThat(events).extracting((e) -> e.getClass().getSimpleName())
				.containsExactly("BeforeInsertEvent", "AfterInsertEvent", "BeforeUpdateEvent", "AfterUpdateEvent");
			assertThat(((org.springframework.data.keyvalue.core.event.KeyValueEvent.AfterInsertEvent<?>) events.get(1))
				.getPayload()).isEqualTo(saved);
			assertThat(((org.springframework.data.keyvalue.core.event.KeyValueEvent.AfterUpdateEvent<?>) events.get(3))
				.getPayload()).isEqualTo(updated);
			this.accounts.delete(updated);
		}
		finally {
			template.setApplicationEventPublisher(null);
		}
	}

	@Test
	void aClassWithFinalFieldsGetsItsIdFromItsWitherAndItsVersionFromItsConstructor() {
		Ticket saved = this.tickets.save(new Ticket(null, "flaky test", null));
		assertThat(saved.getId()).hasSize(36);
		assertThat(saved.getVersion()).isEqualTo(1);
		Ticket renamed = this.tickets.save(saved.withTitle("fixed"));
		assertThat(renamed.getVersion()).isEqualTo(2);
		Ticket stored = this.tickets.findById(saved.getId()).orElseThrow();
		assertThat(stored.getTitle()).isEqualTo("fixed");
		assertThat(stored.getVersion()).isEqualTo(2);
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.tickets.save(saved.withTitle("stale")));
		this.tickets.delete(stored);
		assertThat(this.tickets.existsById(saved.getId())).isFalse();
	}

	@Test
	void concurrentIncrementsWithRetryAreAllCounted() throws Exception {
		this.counters.save(new Counter(1L));
		int threads = 32;
		int increments = 5;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				workers.add(pool.submit(() -> {
					for (int i = 0; i < increments; i++) {
						while (true) {
							Counter counter = this.counters.findById(1L).orElseThrow();
							counter.setValue(counter.getValue() + 1);
							try {
								this.counters.save(counter);
								break;
							}
							catch (OptimisticLockingFailureException conflict) {
								// someone else won: read again
							}
						}
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		Counter counter = this.counters.findById(1L).orElseThrow();
		assertThat(counter.getValue()).isEqualTo(threads * increments);
		assertThat(counter.getVersion()).isEqualTo(threads * increments + 1);
	}

	@Test
	void theIndexesHoldEveryEntityAfterConcurrentSavesAndDeletes() throws Exception {
		concurrentSavesAndDeletes(List.of("A", "B", "C"), List.of(this.orders));
	}

	/** With one status, most saves update a known entity without index work (the cheap save). */
	@Test
	void theIndexesHoldEveryEntityAfterConcurrentUpdatesAndDeletes() throws Exception {
		concurrentSavesAndDeletes(List.of("A"), List.of(this.orders));
	}

	/** Two applications, whose adapters share no cache, save and delete the same entities. */
	@Test
	void theIndexesHoldEveryEntityAfterConcurrentSavesAndDeletesOfTwoApplications() throws Exception {
		concurrentSavesAndDeletes(List.of("A", "B", "C"), List.of(this.orders, this.otherOrders));
	}

	@Test
	void theIndexesHoldEveryEntityAfterConcurrentUpdatesAndDeletesOfTwoApplications() throws Exception {
		concurrentSavesAndDeletes(List.of("A"), List.of(this.orders, this.otherOrders));
	}

	private void concurrentSavesAndDeletes(List<String> statuses, List<OrderRepository> applications)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < 16; t++) {
				OrderRepository repository = applications.get(t % applications.size());
				workers.add(pool.submit(() -> {
					for (int i = 0; i < 40; i++) {
						String id = "x-" + ThreadLocalRandom.current().nextInt(30);
						if (ThreadLocalRandom.current().nextInt(3) == 0) {
							repository.deleteById(id);
						}
						else {
							String status = statuses.get(ThreadLocalRandom.current().nextInt(statuses.size()));
							repository.save(new Order(id, "c", status, i, i));
						}
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		Map<String, String> stored = new java.util.HashMap<>();
		for (int i = 0; i < 30; i++) {
			Order order = this.dapr.state(store()).get("order:x-" + i, Order.class).orElse(null);
			if (order != null) {
				stored.put(order.getId(), order.getStatus());
			}
		}
		if (keepsIndex()) {
			assertThat(indexedOrderIds()).containsAll(stored.keySet());
		}
		assertThat(this.orders.findAll()).extracting(Order::getId).containsExactlyInAnyOrderElementsOf(stored.keySet());
		assertThat(this.orders.count()).isEqualTo(stored.size());
		for (String status : statuses) {
			Set<String> holding = new HashSet<>();
			stored.forEach((id, s) -> {
				if (s.equals(status)) {
					holding.add(id);
				}
			});
			if (keepsIndex()) {
				assertThat(adapter().indexedIds("order", "status", status)).containsAll(holding);
			}
			assertThat(this.orders.findByStatus(status)).extracting(Order::getId)
				.containsExactlyInAnyOrderElementsOf(holding);
			assertThat(this.orders.countByStatus(status)).isEqualTo(holding.size());
		}
	}

	@Test
	void aValueIndexFollowsTheEntitysValue() {
		this.orders.save(new Order("i-1", "ann", "NEW", 1, 1));
		if (keepsIndex()) {
			assertThat(adapter().indexedIds("order", "status", "NEW")).containsExactly("i-1");
		}
		Order order = this.orders.findById("i-1").orElseThrow();
		order.setStatus("PAID");
		this.orders.save(order);
		if (keepsIndex()) {
			assertThat(adapter().indexedIds("order", "status", "NEW")).isEmpty();
			assertThat(adapter().indexedIds("order", "status", "PAID")).containsExactly("i-1");
			assertThat(adapter().indexedIds("order", "customerId", "ann")).containsExactly("i-1");
		}
		assertThat(this.orders.findByStatus("NEW")).isEmpty();
		assertThat(this.orders.findByCustomerIdAndStatusOrderByCreatedAtDesc("ann", "PAID")).extracting(Order::getId)
			.containsExactly("i-1");
		this.orders.delete(order);
		assertThat(this.orders.findByStatus("PAID")).isEmpty();
		if (keepsIndex()) {
			assertThat(adapter().indexedIds("order", "status", "PAID")).isEmpty();
			assertThat(adapter().indexedIds("order", "customerId", "ann")).isEmpty();
		}
		// Values with characters that are special in keys are indexed too.
		this.orders.save(new Order("i-2", "a||b: c", "NEW", 1, 1));
		assertThat(this.orders.findByCustomerId("a||b: c", PageRequest.of(0, 5)).getContent()).extracting(Order::getId)
			.containsExactly("i-2");
		if (keepsIndex()) {
			assertThat(this.dapr.state(store()).getEntry("order:__idx:customerId:a%7C%7Cb%3A+c:" + Math.floorMod("i-2".hashCode(), 16),
					String[].class).value()).containsExactly("i-2");
		}
	}

	@Test
	void equalityQueriesOnIndexedPropertiesReadOnlyTheEntitiesTheIndexNames() {
		this.orders.saveAll(List.of(new Order("q-1", "ann", "PAID", 1, 1), new Order("q-2", "bob", "NEW", 2, 2)));
		// Someone else rewrites q-2 without updating the value index: only a scan finds it as PAID.
		this.dapr.state(store()).save("order:q-2", new Order("q-2", "bob", "PAID", 2, 2));
		assertThat(this.orders.findByStatus("PAID")).extracting(Order::getId).containsExactly("q-1");
		assertThat(this.orders.findByStatusIgnoreCase("PAID")).extracting(Order::getId)
			.containsExactlyInAnyOrder("q-1", "q-2");
		// An entity the index names but that no longer matches is filtered out.
		assertThat(this.orders.findByStatus("NEW")).isEmpty();
	}

	@Test
	void entitiesArePlainJsonThatTheHttpApiReads() throws Exception {
		this.orders.save(new Order("h-1", "dave", "NEW", 5, 42));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.sidecar.httpEndpoint() + "/v1.0/state/" + store() + "/order:h-1"))
			.build();
		String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
		assertThat(json.readTree(body)).isEqualTo(json.readTree(
				"{\"id\":\"h-1\",\"customerId\":\"dave\",\"status\":\"NEW\",\"total\":5,\"createdAt\":42}"));
	}

	@Test
	void entitiesExpireAfterTheirTimeToLive() throws Exception {
		Session shortLived = this.sessions.save(new Session("ann", Duration.ofSeconds(1)));
		Session longLived = this.sessions.save(new Session("bob", null));
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.sessions.existsById(shortLived.getId()) && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		assertThat(this.sessions.existsById(shortLived.getId())).isFalse();
		assertThat(this.sessions.findAll()).extracting(Session::getUser).contains("bob").doesNotContain("ann");
		this.sessions.delete(longLived);
	}


	@Test
	void aTransactionCommitsItsWritesTogetherAndSeesThemBefore() {
		this.orders.save(new Order("t-gone", "c", "NEW", 1, 1));
		StateOperations state = this.dapr.state(store());
		this.transactions.run(() -> {
			this.orders.save(new Order("t-1", "c", "NEW", 10, 1));
			Order second = this.orders.save(new Order("t-2", "c", "NEW", 20, 2));
			second.setStatus("PAID");
			this.orders.save(second);
			this.orders.deleteById("t-gone");
			this.counters.save(new Counter(70L));
			// Not written yet, but the transaction sees its own writes.
			assertThat(state.getEntry("order:t-1", JsonNode.class).exists()).isFalse();
			assertThat(state.getEntry("order:t-gone", JsonNode.class).exists()).isTrue();
			assertThat(this.orders.findById("t-2")).hasValueSatisfying((o) -> assertThat(o.getStatus()).isEqualTo("PAID"));
			assertThat(this.orders.existsById("t-gone")).isFalse();
			assertThat(this.orders.findAll()).extracting(Order::getId).containsExactlyInAnyOrder("t-1", "t-2");
			assertThat(this.orders.findByStatus("PAID")).extracting(Order::getId).containsExactly("t-2");
			assertThat(this.orders.count()).isEqualTo(2);
		});
		assertThat(this.orders.findById("t-2")).hasValueSatisfying((o) -> assertThat(o.getStatus()).isEqualTo("PAID"));
		assertThat(this.orders.findAll()).extracting(Order::getId).containsExactlyInAnyOrder("t-1", "t-2");
		assertThat(this.counters.findById(70L)).hasValueSatisfying((c) -> assertThat(c.getVersion()).isEqualTo(1));
		if (keepsIndex()) {
			assertThat(indexedOrderIds()).contains("t-1", "t-2").doesNotContain("t-gone");
		}
		assertThat(this.orders.findByStatus("PAID")).extracting(Order::getId).containsExactly("t-2");
		assertThat(this.orders.findByStatus("NEW")).extracting(Order::getId).containsExactly("t-1");
		if (keepsIndex()) {
			assertThat(adapter().indexedIds("order", "status", "NEW")).containsExactly("t-1");
		}
	}

	@Test
	void anExceptionRollsTheTransactionBackWithNothingWritten() {
		this.orders.save(new Order("r-kept", "c", "NEW", 1, 1));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.transactions.run(() -> {
			this.orders.save(new Order("r-1", "c", "NEW", 10, 1));
			this.orders.deleteById("r-kept");
			throw new IllegalStateException("boom");
		})).withMessage("boom");
		assertThat(this.orders.findAll()).extracting(Order::getId).containsExactly("r-kept");
		assertThat(this.dapr.state(store()).getEntry("order:r-1", JsonNode.class).exists()).isFalse();
	}

	@Test
	void anEntityChangedBySomeoneElseAfterTheTransactionReadItRollsAllBack() {
		this.orders.save(new Order("s-1", "c", "NEW", 1, 1));
		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.transactions.run(() -> {
			Order order = this.orders.findById("s-1").orElseThrow();
			order.setStatus("PAID");
			this.orders.save(order);
			this.orders.save(new Order("s-2", "c", "NEW", 2, 2));
			this.counters.save(new Counter(71L));
			// Someone else writes the entity the transaction read (not through the transaction).
			this.dapr.state(store()).save("order:s-1", new Order("s-1", "c", "SHIPPED", 1, 1));
		}))
			.withMessageContaining("Transaction on state store '" + store() + "' rolled back")
			.withMessageContaining("[order:s-1]")
			.withMessageContaining("nothing was written");
		assertThat(this.orders.findById("s-1").orElseThrow().getStatus()).isEqualTo("SHIPPED");
		assertThat(this.orders.existsById("s-2")).isFalse();
		assertThat(this.counters.existsById(71L)).isFalse();
	}

	@Test
	void aStaleVersionInsideATransactionFailsItAtOnce() {
		this.counters.save(new Counter(72L));
		Counter stale = this.counters.findById(72L).orElseThrow();
		Counter fresh = this.counters.findById(72L).orElseThrow();
		this.counters.save(fresh);
		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.transactions.run(() -> {
			this.orders.save(new Order("v-1", "c", "NEW", 1, 1));
			this.counters.save(stale);
		})).withMessageContaining("carries version 1 but the store holds version 2");
		assertThat(this.orders.existsById("v-1")).isFalse();
		assertThat(this.counters.findById(72L).orElseThrow().getVersion()).isEqualTo(2);
	}

	@Test
	void aNewTransactionCommitsOnItsOwnInsideAnother() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.transactions.run(() -> {
			this.orders.save(new Order("n-outer", "c", "NEW", 1, 1));
			this.transactions.runNew(() -> this.orders.save(new Order("n-inner", "c", "NEW", 2, 2)));
			throw new IllegalStateException("outer fails");
		}));
		assertThat(this.orders.findAll()).extracting(Order::getId).containsExactly("n-inner");
	}

	@Test
	void whatTheStoreDoesWithAStateTransactionThatHasAStaleEtag() {
		StateOperations state = this.dapr.state(store());
		state.save("probe:a", "a1");
		String staleEtag = state.getEntry("probe:a", String.class).etag();
		state.save("probe:a", "a2");
		state.delete("probe:b");
		assertThatExceptionOfType(org.springframework.dao.DataAccessException.class)
			.isThrownBy(() -> state.transaction((tx) -> tx.upsert("probe:b", "b1")
				.upsert("probe:a", "a3",
						dev.daprspring.core.state.SaveOptions.ifMatch(staleEtag)
							.withConcurrency(dev.daprspring.core.state.SaveOptions.Concurrency.FIRST_WRITE))));
		assertThat(state.get("probe:a", String.class)).contains("a2");
		// Why a transaction commit checks the ETags first: state.redis applies the other operations.
		assertThat(state.getEntry("probe:b", String.class).exists()).isEqualTo(!allOrNothingTransactions());
		state.delete("probe:b");
	}

	dev.daprspring.data.core.DaprKeyValueAdapter adapter() {
		return this.context.getBean(DaprRepositoryTemplates.class).templateFor(store(), "test").getKeyValueAdapter();
	}

	java.util.Set<String> indexedOrderIds() {
		return this.context.getBean(DaprRepositoryTemplates.class)
			.templateFor(store(), "test")
			.getKeyValueAdapter()
			.indexedIds("order");
	}

	@Test
	void aSaveMakesTheSidecarCallsTheReadmeSays() {
		Order order = this.orders.save(new Order("cost-1", "c", "NEW", 1, 1));
		List<String> update = calls(() -> this.orders.save(order));
		List<String> readModifyWrite = calls(() -> {
			Order read = this.orders.findById("cost-1").orElseThrow();
			read.setTotal(2);
			this.orders.save(read);
		});
		Counter counter = this.counters.save(new Counter(73L));
		List<String> versioned = calls(() -> {
			Counter read = this.counters.findById(73L).orElseThrow();
			read.setValue(5);
			this.counters.save(read);
		});
		if (!keepsIndex()) {
			// No index: an unversioned entity is one write; a versioned one after findById too.
			assertThat(update).containsExactly("save");
			assertThat(readModifyWrite).containsExactly("get", "save");
			assertThat(versioned).containsExactly("get", "save");
			// A versioned entity the repository did not just read: its stored version is read first.
			Counter held = this.counters.save(new Counter(74L));
			assertThat(calls(() -> this.counters.save(held))).containsExactly("get", "save");
		}
		else if (etagsGuardDeletes()) {
			// Read the entity, write it with its ETag; after findById, only the write.
			assertThat(update).containsExactly("get", "save");
			assertThat(readModifyWrite).containsExactly("get", "save");
			assertThat(versioned).containsExactly("get", "save");
		}
		else {
			// The entity and its index shards read together, the write, the shards checked again.
			assertThat(update).containsExactly("getAll", "save", "getAll");
			assertThat(readModifyWrite).containsExactly("get", "getAll", "save", "getAll");
		}
		// An entity whose id the repository generates (a random UUID): neither the check that the
		// id is free nor a read of the entity; the index, where kept, before and after the write.
		Session[] saved = new Session[1];
		List<String> insert = calls(() -> saved[0] = this.sessions.save(new Session("gen", null)));
		Session generated = saved[0];
		if (keepsIndex()) {
			assertThat(insert).containsExactly("getAll", "save", "save", "getAll");
		}
		else {
			assertThat(insert).containsExactly("save");
		}
		assertThat(this.sessions.findById(generated.getId())).hasValueSatisfying((s) -> assertThat(s.getUser()).isEqualTo("gen"));
		assertThat(this.sessions.findAll()).extracting(Session::getId).contains(generated.getId());
		this.sessions.delete(generated);
		assertThat(this.orders.findById("cost-1").orElseThrow().getTotal()).isEqualTo(2);
		assertThat(this.counters.findById(73L).orElseThrow().getVersion()).isEqualTo(counter.getVersion() + 1);
		// An ETag read by findById that someone else made stale: the save starts over the usual way.
		Order stale = this.orders.findById("cost-1").orElseThrow();
		// (With its ETag: state.redis refuses an unconditional write to a key written with first-write.)
		StateOperations state = this.dapr.state(store());
		state.save("order:cost-1", new Order("cost-1", "c", "NEW", 9, 1),
				dev.daprspring.core.state.SaveOptions.ifMatch(state.getEntry("order:cost-1", JsonNode.class).etag()));
		stale.setTotal(3);
		this.orders.save(stale);
		assertThat(this.orders.findById("cost-1").orElseThrow().getTotal()).isEqualTo(3);
		Counter first = this.counters.findById(73L).orElseThrow();
		Counter second = this.counters.findById(73L).orElseThrow();
		this.counters.save(first);
		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.counters.save(second));
	}

	List<String> calls(Runnable work) {
		this.stateCalls.clear();
		this.recording = true;
		try {
			work.run();
		}
		finally {
			this.recording = false;
		}
		return new ArrayList<>(this.stateCalls);
	}

}
