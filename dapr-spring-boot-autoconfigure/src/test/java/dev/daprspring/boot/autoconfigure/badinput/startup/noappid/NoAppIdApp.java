package dev.daprspring.boot.autoconfigure.badinput.startup.noappid;

import dev.daprspring.boot.autoconfigure.invoke.DaprServiceClient;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.service.annotation.GetExchange;

/** A service client whose app id is left to a property nobody set. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class NoAppIdApp {

	@DaprServiceClient("${inventory.app-id:}")
	public interface InventoryClient {

		@GetExchange("/stock")
		String stock();

	}

}
