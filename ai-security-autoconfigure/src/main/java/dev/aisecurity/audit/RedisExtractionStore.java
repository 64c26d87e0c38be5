package dev.aisecurity.audit;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import dev.aisecurity.guard.TextHasher;
import dev.aisecurity.guard.extraction.ExtractionAction;
import dev.aisecurity.guard.extraction.ExtractionStore;
import dev.aisecurity.guard.extraction.PromptShape;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * An {@link ExtractionStore} in Redis (Lettuce), shared by every instance that talks to
 * the same Redis, so a campaign spread over several instances is scored as one. Per
 * principal, four keys under {@code <prefix>{<keyed hash of the principal>}:} (one hash
 * slot, so the Lua scripts also run on a cluster): {@code w} the requests of the window
 * (a sorted set of flag and nonce, scored by time), {@code t} the output tokens,
 * {@code s} the most recent prompt shapes (keyed word hashes, never text) and {@code a}
 * the latest assessment. Every key expires after the window (or the cool-down of a
 * block). Each request costs three round trips (read, record, assess).
 * <p>
 * Fails closed: when Redis cannot be reached the call throws, and the extraction guard
 * refuses the request.
 */
public final class RedisExtractionStore implements ExtractionStore, AutoCloseable {

	private static final String LOAD = """
			local shapes = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
			local state = redis.call('GET', KEYS[2])
			return {shapes, state or ''}
			""";

	private static final String RECORD = """
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[2])
			redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
			local max = tonumber(ARGV[5])
			local n = redis.call('ZCARD', KEYS[1])
			if n > max then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, n - max - 1) end
			redis.call('LPUSH', KEYS[2], ARGV[4])
			redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[6]) - 1)
			redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. ARGV[2])
			for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[7]) end
			local members = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
			local count, templated, duplicates = 0, 0, 0
			for i = 1, #members, 2 do
			  count = count + 1
			  local flags = tonumber(string.sub(members[i], 1, 1))
			  if flags % 2 == 1 then templated = templated + 1 end
			  if flags >= 2 then duplicates = duplicates + 1 end
			end
			local tokens = 0
			local outputs = redis.call('ZRANGE', KEYS[3], 0, -1)
			for i = 1, #outputs do tokens = tokens + tonumber(string.match(outputs[i], '^(%d+)')) end
			return {count, templated, duplicates, tokens, members[2]}
			""";

	private static final String OUTPUT = """
			redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			return 1
			""";

	private static final String UPDATE = """
			local blocked = ARGV[4]
			local old = redis.call('GET', KEYS[1])
			if old then
			  local previous = string.match(old, '([^|]*)$')
			  if tonumber(previous) > tonumber(blocked) then blocked = previous end
			end
			local ttl = math.max(tonumber(ARGV[5]), tonumber(blocked) - tonumber(ARGV[3]))
			local value = ARGV[1] .. '|' .. ARGV[2] .. '|' .. ARGV[3] .. '|' .. blocked
			redis.call('SET', KEYS[1], value, 'PX', string.format('%d', ttl))
			return value
			""";

	private final RedisClient client;

	private final boolean ownsClient;

	private final String prefix;

	private final TextHasher principalHasher;

	private final Duration timeout;

	private StatefulRedisConnection<String, String> connection;

	/**
	 * Create a store.
	 * @param client the Lettuce client
	 * @param ownsClient whether {@link #close()} shuts the client down
	 * @param prefix prefix of every key, e.g. {@code ai-security:ex:}
	 * @param principalHasher keyed hash of principal ids in keys (a configured key, the
	 * same on every instance)
	 * @param timeout how long one Redis operation may take before it fails
	 */
	public RedisExtractionStore(RedisClient client, boolean ownsClient, String prefix, TextHasher principalHasher,
			Duration timeout) {
		this.client = Objects.requireNonNull(client, "client");
		this.ownsClient = ownsClient;
		this.prefix = Objects.requireNonNull(prefix, "prefix");
		this.principalHasher = Objects.requireNonNull(principalHasher, "principalHasher");
		this.timeout = Objects.requireNonNull(timeout, "timeout");
	}

	@Override
	public Loaded load(String principal, long nowMillis, Limits limits) {
		List<Object> result = commands().eval(LOAD, ScriptOutputType.MULTI,
				new String[] { key(principal, "s"), key(principal, "a") }, String.valueOf(limits.keptShapes()));
		long oldest = nowMillis - limits.windowMillis();
		List<PromptShape> shapes = new ArrayList<>();
		if (result.get(0) instanceof List<?> encoded) {
			for (Object entry : encoded) {
				String value = String.valueOf(entry);
				int colon = value.indexOf(':');
				if (Long.parseLong(value.substring(0, colon)) >= oldest) {
					shapes.add(decode(value.substring(colon + 1)));
				}
			}
		}
		return new Loaded(shapes, parseState(String.valueOf(result.get(1))));
	}

	@Override
	public WindowSummary record(String principal, Request request, Limits limits) {
		int flags = (request.templated() ? 1 : 0) + (request.nearDuplicate() ? 2 : 0);
		List<Object> result = commands().eval(RECORD, ScriptOutputType.MULTI,
				new String[] { key(principal, "w"), key(principal, "s"), key(principal, "t") },
				String.valueOf(request.millis()), String.valueOf(request.millis() - limits.windowMillis()),
				flags + nonce(), request.millis() + ":" + encode(request.shape()), String.valueOf(limits.maxEntries()),
				String.valueOf(limits.keptShapes()), String.valueOf(limits.windowMillis()));
		return new WindowSummary(((Long) result.get(0)).intValue(), ((Long) result.get(1)).intValue(),
				((Long) result.get(2)).intValue(), (Long) result.get(3),
				(long) Double.parseDouble(String.valueOf(result.get(4))));
	}

	@Override
	public void recordOutput(String principal, long outputTokens, long nowMillis, Limits limits) {
		commands().eval(OUTPUT, ScriptOutputType.INTEGER, new String[] { key(principal, "t") },
				String.valueOf(nowMillis), outputTokens + nonce(), String.valueOf(limits.windowMillis()));
	}

	@Override
	public State updateState(String principal, State state, Limits limits) {
		String stored = commands().eval(UPDATE, ScriptOutputType.VALUE, new String[] { key(principal, "a") },
				state.action().name(), String.format(Locale.ROOT, "%.4f", state.score()),
				String.valueOf(state.millis()), String.valueOf(state.blockedUntil()),
				String.valueOf(limits.retentionMillis()));
		return parseState(stored);
	}

	@Override
	public State state(String principal) {
		String stored = commands().get(key(principal, "a"));
		return (stored != null) ? parseState(stored) : State.NONE;
	}

	@Override
	public synchronized void close() {
		if (this.connection != null) {
			this.connection.close();
			this.connection = null;
		}
		if (this.ownsClient) {
			this.client.shutdown();
		}
	}

	private synchronized RedisCommands<String, String> commands() {
		if (this.connection == null || !this.connection.isOpen()) {
			this.connection = this.client.connect();
			this.connection.setTimeout(this.timeout);
		}
		return this.connection.sync();
	}

	/**
	 * The Redis key of a principal's entry: the principal only as a keyed hash.
	 */
	String key(String principal, String suffix) {
		return this.prefix + "{" + this.principalHasher.hash("ai-security:extraction:" + principal) + "}:" + suffix;
	}

	private static String nonce() {
		return ":" + Long.toHexString(ThreadLocalRandom.current().nextLong());
	}

	private static State parseState(String value) {
		if (value == null || value.isEmpty()) {
			return State.NONE;
		}
		String[] parts = value.split("\\|", -1);
		return new State(ExtractionAction.valueOf(parts[0]), Double.parseDouble(parts[1]), Long.parseLong(parts[2]),
				Long.parseLong(parts[3]));
	}

	private static String encode(PromptShape shape) {
		int[] tokens = shape.tokens();
		ByteBuffer buffer = ByteBuffer.allocate(8 + 4 * tokens.length);
		buffer.putLong(shape.simHash());
		for (int token : tokens) {
			buffer.putInt(token);
		}
		return Base64.getEncoder().withoutPadding().encodeToString(buffer.array());
	}

	private static PromptShape decode(String value) {
		ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(value));
		long simHash = buffer.getLong();
		int[] tokens = new int[buffer.remaining() / 4];
		for (int i = 0; i < tokens.length; i++) {
			tokens[i] = buffer.getInt();
		}
		return PromptShape.restore(tokens, simHash);
	}

	@Override
	public String toString() {
		return "RedisExtractionStore[prefix=" + this.prefix + "]";
	}

}
