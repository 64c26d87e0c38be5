package dev.aisecurity.web;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;

import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.Pointcut;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.method.AuthorizationAdvisor;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;

/**
 * The method-authorization advisor of {@link AiGuarded}: Spring Security's
 * {@link AuthorizationManagerBeforeMethodInterceptor} with the given
 * {@link AuthorizationManager}, handed an invocation whose {@code toString()} is cheap
 * while that interceptor's debug log is off.
 * <p>
 * Why: the interceptor logs two debug messages per call that print the invocation (the
 * method's full signature), and commons-logging's SLF4J bridge renders a message before
 * the logger checks its level, so every guarded call formatted the signature twice for
 * nothing. With debug on, the invocation prints exactly as before.
 */
public final class AiGuardedAuthorizationAdvisor implements AuthorizationAdvisor {

	private final AuthorizationManagerBeforeMethodInterceptor interceptor;

	/** The interceptor's own logger (same category). */
	private final Log interceptorLog = LogFactory.getLog(AuthorizationManagerBeforeMethodInterceptor.class);

	/**
	 * Create the advisor.
	 * @param pointcut the guarded methods
	 * @param authorizationManager decides
	 */
	public AiGuardedAuthorizationAdvisor(Pointcut pointcut,
			AuthorizationManager<MethodInvocation> authorizationManager) {
		this.interceptor = new AuthorizationManagerBeforeMethodInterceptor(pointcut, authorizationManager);
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		return this.interceptor.invoke(new QuietInvocation(invocation, this.interceptorLog));
	}

	@Override
	public Pointcut getPointcut() {
		return this.interceptor.getPointcut();
	}

	@Override
	public Advice getAdvice() {
		return this;
	}

	@Override
	public boolean isPerInstance() {
		return true;
	}

	@Override
	public int getOrder() {
		return this.interceptor.getOrder();
	}

	public void setOrder(int order) {
		this.interceptor.setOrder(order);
	}

	/**
	 * Delegates everything; describes itself by the method's name only while the
	 * interceptor's debug log is off (nobody reads the message then).
	 */
	static final class QuietInvocation implements MethodInvocation {

		private final MethodInvocation delegate;

		private final Log log;

		QuietInvocation(MethodInvocation delegate, Log log) {
			this.delegate = delegate;
			this.log = log;
		}

		@Override
		public Method getMethod() {
			return this.delegate.getMethod();
		}

		@Override
		public Object[] getArguments() {
			return this.delegate.getArguments();
		}

		@Override
		public Object proceed() throws Throwable {
			return this.delegate.proceed();
		}

		@Override
		public Object getThis() {
			return this.delegate.getThis();
		}

		@Override
		public AccessibleObject getStaticPart() {
			return this.delegate.getStaticPart();
		}

		@Override
		public String toString() {
			return this.log.isDebugEnabled() ? this.delegate.toString() : this.delegate.getMethod().getName();
		}

	}

}
