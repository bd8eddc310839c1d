package dev.daprspring.actors.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What an actor type is read as, once, at startup.
 */
class ActorTypeTests {

	@Test
	void publicMethodsAreTheActorsMethodsByName() {
		ActorType type = ActorType.of("Cart", "Cart", Cart.class);
		assertThat(type.methods()).containsOnlyKeys("add", "total");
	}

	@Test
	void overloadedMethodsAreRefusedNamingBoth() {
		assertThatIllegalStateException().isThrownBy(() -> ActorType.of("Cart", "Cart", Overloaded.class))
			.withMessageContaining("has two methods named add; actor calls name only the method");
	}

	@Test
	void aMethodWithTwoArgumentsIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> ActorType.of("Cart", "Cart", TwoArguments.class))
			.withMessageContaining("Actor method Cart.add takes 2 arguments; an actor method takes at most one");
	}

	@Test
	void aTypeImplementedTwiceIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new ActorTypes(List.of(ActorType.of("Cart", "a", Cart.class),
					ActorType.of("Cart", "b", Cart.class))))
			.withMessageContaining("Actor type Cart is implemented twice");
	}

	@Test
	void theRuntimeDocumentNamesTheTypesAndGoDurations() {
		ActorRuntimeSettings settings = new ActorRuntimeSettings(Duration.ofMinutes(60), Duration.ofSeconds(30),
				Duration.ofSeconds(60), true, true, 8);
		Map<String, Object> document = settings.document(List.of("Cart", "Counter"));
		assertThat(document).containsEntry("entities", List.of("Cart", "Counter"))
			.containsEntry("actorIdleTimeout", "3600000ms")
			.containsEntry("actorScanInterval", "30000ms")
			.containsEntry("drainOngoingCallTimeout", "60000ms")
			.containsEntry("drainRebalancedActors", true)
			.containsEntry("reentrancy", Map.of("enabled", true, "maxStackDepth", 8));
		assertThat(new ActorRuntimeSettings(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1), false,
				false, 32)
			.document(List.of())).containsEntry("reentrancy", Map.of("enabled", false));
	}

	@Test
	void typeSettingsAreWrittenWholeForHostedTypesInheritingWhatIsNotSet() {
		ActorRuntimeSettings settings = new ActorRuntimeSettings(Duration.ofMinutes(60), Duration.ofSeconds(30),
				Duration.ofSeconds(60), true, false, 32,
				Map.of("Cart", new ActorRuntimeSettings.TypeSettings(Duration.ofMinutes(5), null, null, true, 4),
						"Elsewhere", new ActorRuntimeSettings.TypeSettings(null, null, false, null, null)));
		assertThat(settings.document(List.of("Cart", "Counter"))).containsEntry("entitiesConfig",
				List.of(Map.of("entities", List.of("Cart"), "actorIdleTimeout", "300000ms", "drainOngoingCallTimeout",
						"60000ms", "drainRebalancedActors", true, "reentrancy",
						Map.of("enabled", true, "maxStackDepth", 4))));
		assertThat(settings.reentrancy("Cart")).isTrue();
		assertThat(settings.reentrancy("Counter")).isFalse();
		assertThat(new ActorRuntimeSettings(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1), false,
				false, 32)
			.document(List.of("Cart"))).doesNotContainKey("entitiesConfig");
	}

	public static class Cart {

		public void add(String item) {
		}

		public int total() {
			return 0;
		}

		public static Cart empty() {
			return new Cart();
		}

	}

	public static class Overloaded {

		public void add(String item) {
		}

		public void add(Integer count) {
		}

	}

	public static class TwoArguments {

		public void add(String item, int count) {
		}

	}

}
