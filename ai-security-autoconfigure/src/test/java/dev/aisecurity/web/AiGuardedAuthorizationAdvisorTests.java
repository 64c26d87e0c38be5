package dev.aisecurity.web;

import java.util.ArrayList;
import java.util.List;

import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.Pointcut;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AiGuardedAuthorizationAdvisorTests {

	private static final String INTERCEPTOR_LOGGER = AuthorizationManagerBeforeMethodInterceptor.class.getName();

	private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	private final List<MethodInvocation> seen = new ArrayList<>();

	@AfterEach
	void resetLogLevel() {
		this.logging.setLogLevel(INTERCEPTOR_LOGGER, null);
	}

	@Test
	void grantedCallsProceedWithTheirArguments() {
		Greeter greeter = proxy(true);
		assertThat(greeter.greet("Ada")).isEqualTo("hello Ada");
		assertThat(this.seen).singleElement().satisfies((invocation) -> {
			assertThat(invocation.getMethod().getName()).isEqualTo("greet");
			assertThat(invocation.getArguments()).containsExactly("Ada");
			assertThat(invocation.getThis()).isInstanceOf(Greeter.class);
		});
	}

	@Test
	void deniedCallsDoNotProceed() {
		Greeter greeter = proxy(false);
		assertThatExceptionOfType(AuthorizationDeniedException.class).isThrownBy(() -> greeter.greet("Ada"));
	}

	@Test
	void withDebugOffTheInvocationDescribesItselfByTheMethodNameOnly() {
		this.logging.setLogLevel(INTERCEPTOR_LOGGER, LogLevel.INFO);
		proxy(true).greet("Ada");
		assertThat(this.seen.get(0)).hasToString("greet");
	}

	@Test
	void withDebugOnTheInvocationPrintsAsSpringAopPrintsIt() {
		this.logging.setLogLevel(INTERCEPTOR_LOGGER, LogLevel.DEBUG);
		proxy(true).greet("Ada");
		assertThat(this.seen.get(0).toString()).startsWith("ReflectiveMethodInvocation: ")
			.contains("greet(java.lang.String)")
			.contains(Greeter.class.getName());
	}

	private Greeter proxy(boolean granted) {
		AuthorizationManager<MethodInvocation> manager = (authentication, invocation) -> {
			this.seen.add(invocation);
			return new AuthorizationDecision(granted);
		};
		ProxyFactory factory = new ProxyFactory(new Greeter());
		factory.setProxyTargetClass(true);
		factory.addAdvisor(new AiGuardedAuthorizationAdvisor(Pointcut.TRUE, manager));
		return (Greeter) factory.getProxy();
	}

	static class Greeter {

		String greet(String name) {
			return "hello " + name;
		}

	}

}
