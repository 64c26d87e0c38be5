package dev.aisecurity.ai;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.aisecurity.guard.AiGuardException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Flux;

/**
 * Runs guard work as a Micrometer {@link Observation} named {@value #NAME}, so it appears
 * in the same trace as Spring AI's {@code gen_ai} observations. Low-cardinality keys
 * only: {@code direction} and {@code decision} ({@code allow}, {@code sanitize},
 * {@code block} or {@code error}); never any text.
 */
final class GuardObservation {

	/** Name of the guard observation. */
	static final String NAME = "ai.security.guard";

	/** Key of the direction ({@code input} or {@code output}). */
	static final String DIRECTION = "direction";

	/** Key of the outcome. */
	static final String DECISION = "decision";

	private GuardObservation() {
	}

	/**
	 * Run the guard work, observed unless the registry is a no-op one (then it costs
	 * nothing).
	 */
	static <T> T observe(ObservationRegistry registry, String direction, Supplier<T> work,
			Function<T, String> decision) {
		if (registry.isNoop()) {
			return work.get();
		}
		Observation observation = Observation.createNotStarted(NAME, registry)
			.contextualName("ai security " + direction + " guard")
			.lowCardinalityKeyValue(DIRECTION, direction)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			T result = work.get();
			observation.lowCardinalityKeyValue(DECISION, decision.apply(result));
			return result;
		}
		catch (AiGuardException ex) {
			// a refusal by exception is the guard working, not failing
			observation.lowCardinalityKeyValue(DECISION, "block");
			throw ex;
		}
		catch (RuntimeException | Error ex) {
			observation.lowCardinalityKeyValue(DECISION, "error");
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * Observe a guarded stream from subscription to its end (complete, error or cancel):
	 * the observation spans the stream, and its decision is the guard's summary of what
	 * was emitted ({@code block} for a refusal by exception). Parent: the observation in
	 * the subscriber's Reactor context (Spring AI's ChatClient stream observation).
	 * @param registry the registry (a no-op one returns the stream unchanged)
	 * @param direction {@code input} or {@code output}
	 * @param stream the guarded stream
	 * @param decision the decision once the stream has ended
	 * @return the observed stream
	 */
	static <T> Flux<T> observeStream(ObservationRegistry registry, String direction, Flux<T> stream,
			Supplier<String> decision) {
		if (registry.isNoop()) {
			return stream;
		}
		return Flux.deferContextual((reactorContext) -> {
			Observation observation = Observation.createNotStarted(NAME, registry)
				.contextualName("ai security " + direction + " guard")
				.lowCardinalityKeyValue(DIRECTION, direction)
				.parentObservation(reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
				.start();
			AtomicBoolean stopped = new AtomicBoolean();
			return stream.doOnComplete(() -> stop(observation, stopped, decision.get()))
				.doOnCancel(() -> stop(observation, stopped, decision.get()))
				.doOnError((ex) -> {
					if (!(ex instanceof AiGuardException)) {
						observation.error(ex);
					}
					stop(observation, stopped, (ex instanceof AiGuardException) ? "block" : "error");
				});
		});
	}

	private static void stop(Observation observation, AtomicBoolean stopped, String decision) {
		if (stopped.compareAndSet(false, true)) {
			observation.lowCardinalityKeyValue(DECISION, decision);
			observation.stop();
		}
	}

}
