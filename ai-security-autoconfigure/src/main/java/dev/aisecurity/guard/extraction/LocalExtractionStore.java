package dev.aisecurity.guard.extraction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default {@link ExtractionStore}: windows in memory, local to this instance.
 * Principals idle for longer than the retention are forgotten (checked at most once a
 * minute, on writes). Thread-safe.
 */
public final class LocalExtractionStore implements ExtractionStore {

	private static final long SWEEP_INTERVAL_MILLIS = 60_000;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final AtomicLong nextSweep = new AtomicLong();

	@Override
	public Loaded load(String principal, long nowMillis, Limits limits) {
		Window window = this.windows.get(principal);
		if (window == null) {
			return new Loaded(List.of(), State.NONE);
		}
		synchronized (window) {
			long oldest = nowMillis - limits.windowMillis();
			List<PromptShape> shapes = new ArrayList<>();
			for (Iterator<Entry> it = window.entries.descendingIterator(); it.hasNext()
					&& shapes.size() < limits.keptShapes();) {
				Entry entry = it.next();
				if (entry.millis < oldest) {
					break;
				}
				shapes.add(entry.shape);
			}
			return new Loaded(shapes, window.state);
		}
	}

	@Override
	public WindowSummary record(String principal, Request request, Limits limits) {
		sweep(request.millis(), limits);
		Window window = this.windows.computeIfAbsent(principal, (key) -> new Window());
		synchronized (window) {
			window.lastWrite = request.millis();
			window.evict(request.millis() - limits.windowMillis());
			window.entries.addLast(new Entry(request));
			while (window.entries.size() > limits.maxEntries()) {
				window.entries.removeFirst();
			}
			int templated = 0;
			int duplicates = 0;
			long tokens = 0;
			long first = request.millis();
			for (Entry entry : window.entries) {
				templated += entry.templated ? 1 : 0;
				duplicates += entry.nearDuplicate ? 1 : 0;
				tokens += entry.outputTokens;
				first = Math.min(first, entry.millis);
			}
			return new WindowSummary(window.entries.size(), templated, duplicates, tokens, first);
		}
	}

	@Override
	public void recordOutput(String principal, long outputTokens, long nowMillis, Limits limits) {
		Window window = this.windows.get(principal);
		if (window != null && outputTokens > 0) {
			synchronized (window) {
				Entry last = window.entries.peekLast();
				if (last != null) {
					last.outputTokens += outputTokens;
				}
			}
		}
	}

	@Override
	public State updateState(String principal, State state, Limits limits) {
		Window window = this.windows.computeIfAbsent(principal, (key) -> new Window());
		synchronized (window) {
			window.lastWrite = Math.max(window.lastWrite, state.millis());
			window.state = new State(state.action(), state.score(), state.millis(),
					Math.max(state.blockedUntil(), window.state.blockedUntil()));
			return window.state;
		}
	}

	@Override
	public State state(String principal) {
		Window window = this.windows.get(principal);
		if (window == null) {
			return State.NONE;
		}
		synchronized (window) {
			return window.state;
		}
	}

	/**
	 * The latest state of every principal held (a snapshot, for read-only views).
	 * @return principal to state
	 */
	public Map<String, State> states() {
		Map<String, State> states = new java.util.HashMap<>();
		this.windows.forEach((principal, window) -> {
			synchronized (window) {
				states.put(principal, window.state);
			}
		});
		return states;
	}

	/**
	 * Forget principals with no write within the retention.
	 * @param nowMillis the current time
	 * @param limits window and sizes
	 */
	public void evictIdle(long nowMillis, Limits limits) {
		long oldestWrite = nowMillis - limits.retentionMillis();
		this.windows.entrySet().removeIf((entry) -> {
			Window window = entry.getValue();
			synchronized (window) {
				return window.lastWrite < oldestWrite && window.state.blockedUntil() < nowMillis;
			}
		});
	}

	private void sweep(long nowMillis, Limits limits) {
		long due = this.nextSweep.get();
		if (nowMillis >= due && this.nextSweep.compareAndSet(due, nowMillis + SWEEP_INTERVAL_MILLIS)) {
			evictIdle(nowMillis, limits);
		}
	}

	private static final class Entry {

		final long millis;

		final PromptShape shape;

		final boolean templated;

		final boolean nearDuplicate;

		long outputTokens;

		Entry(Request request) {
			this.millis = request.millis();
			this.shape = request.shape();
			this.templated = request.templated();
			this.nearDuplicate = request.nearDuplicate();
		}

	}

	private static final class Window {

		final Deque<Entry> entries = new ArrayDeque<>();

		State state = State.NONE;

		long lastWrite;

		void evict(long oldest) {
			while (!this.entries.isEmpty() && this.entries.peekFirst().millis < oldest) {
				this.entries.removeFirst();
			}
		}

	}

}
