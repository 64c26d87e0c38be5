package dev.aisecurity.ratelimit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * Finds a Redis for tests: a Testcontainers Redis where Docker is available, otherwise
 * the Redis on 127.0.0.1:6379 ({@code .ci/run} starts one), otherwise the test is skipped
 * with a message saying why.
 */
public final class RedisTestSupport {

	private static GenericContainer<?> container;

	private static String uri;

	private RedisTestSupport() {
	}

	/**
	 * The Redis URI, or abort the calling test.
	 * @return {@code redis://host:port}
	 */
	public static synchronized String redisUri() {
		if (uri != null) {
			return uri;
		}
		if (dockerAvailable()) {
			container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
			container.start();
			uri = "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
			return uri;
		}
		if (reachable("127.0.0.1", 6379)) {
			uri = "redis://127.0.0.1:6379";
			return uri;
		}
		Assumptions.abort("Redis tests skipped: Docker is not available for Testcontainers and no Redis "
				+ "answers on 127.0.0.1:6379 (start one, e.g. with .ci/run)");
		return null;
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static boolean reachable(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
