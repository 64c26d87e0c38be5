package dev.aisecurity.vault.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-test HTTP server answering the parts of HashiCorp Vault's HTTP API that the
 * starter uses, following Vault's API documentation: token lookup-self and renew-self,
 * {@code sys/health}, {@code sys/internal/ui/mounts}, KV version 2 data and metadata
 * (read, write, list, delete), Transit (create key, rotate, encrypt, decrypt, rewrap),
 * AppRole and Kubernetes login. Errors are {@code {"errors":[...]}}; a missing or unknown
 * token gets 403, a missing path 404, a sealed server 503.
 * <p>
 * Transit really encrypts (AES-GCM, one random key per key version), so a ciphertext
 * never contains its plaintext. The request log records method and path only, never
 * bodies.
 */
public final class FakeVaultServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String KV_MOUNT = "secret";

	private static final String TRANSIT_MOUNT = "transit";

	private final HttpServer server;

	private final ExecutorService executor;

	private final Set<String> tokens = ConcurrentHashMap.newKeySet();

	private final Map<String, List<Version>> kv = new ConcurrentHashMap<>();

	private final Map<String, List<SecretKey>> transitKeys = new ConcurrentHashMap<>();

	private final Map<String, String> appRoles = new ConcurrentHashMap<>();

	private final Map<String, String> kubernetesRoles = new ConcurrentHashMap<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final SecureRandom random = new SecureRandom();

	private volatile boolean sealed;

	private FakeVaultServer(String rootToken) throws IOException {
		this.tokens.add(rootToken);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.executor = Executors.newFixedThreadPool(4);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Start a server on a free loopback port that accepts the given root token.
	 * @param rootToken the token that is valid from the start
	 * @return the running server
	 */
	public static FakeVaultServer start(String rootToken) {
		try {
			return new FakeVaultServer(rootToken);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the fake Vault server", ex);
		}
	}

	/** The base URI, for example {@code http://127.0.0.1:54321}. */
	public String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** Write a new version of a KV v2 secret at {@code secret/<path>}. */
	public synchronized int putSecret(String path, Map<String, ?> data) {
		List<Version> versions = this.kv.computeIfAbsent(path, (p) -> new CopyOnWriteArrayList<>());
		versions.add(new Version(new LinkedHashMap<>(data), Instant.now()));
		return versions.size();
	}

	public void deleteSecret(String path) {
		this.kv.remove(path);
	}

	/** Create a Transit key with one version. */
	public void createTransitKey(String name) {
		this.transitKeys.computeIfAbsent(name, (n) -> new CopyOnWriteArrayList<>(List.of(newAesKey())));
	}

	/** Add a new version to a Transit key; new encryptions use it. */
	public void rotateTransitKey(String name) {
		this.transitKeys.get(name).add(newAesKey());
	}

	public int transitKeyVersion(String name) {
		return this.transitKeys.get(name).size();
	}

	/**
	 * Register an AppRole: a login with this role id and secret id returns a new token.
	 */
	public void addAppRole(String roleId, String secretId) {
		this.appRoles.put(roleId, secretId);
	}

	/**
	 * Register a Kubernetes auth role: a login with this role and service-account JWT
	 * returns a new token (the real Vault verifies the JWT with the cluster's TokenReview
	 * API).
	 */
	public void addKubernetesRole(String role, String serviceAccountJwt) {
		this.kubernetesRoles.put(role, serviceAccountJwt);
	}

	/** Seal or unseal: a sealed server answers 503 to everything. */
	public void setSealed(boolean sealed) {
		this.sealed = sealed;
	}

	/** Method and path of every request received, in order. */
	public List<String> requests() {
		return List.copyOf(this.requests);
	}

	public long requestCount(String pathPrefix) {
		return this.requests.stream().filter((r) -> r.substring(r.indexOf(' ') + 1).startsWith(pathPrefix)).count();
	}

	public void clearRequests() {
		this.requests.clear();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			String query = exchange.getRequestURI().getQuery();
			this.requests.add(method + " " + path);
			byte[] body = readBody(exchange.getRequestBody());
			if (this.sealed) {
				respond(exchange, 503, path.equals("/v1/sys/health") ? health(true) : errors("Vault is sealed"));
				return;
			}
			if (!path.startsWith("/v1/")) {
				respond(exchange, 404, errors());
				return;
			}
			String route = path.substring(4);
			if (route.equals("sys/health")) {
				respond(exchange, 200, health(false));
				return;
			}
			if (route.equals("auth/approle/login") && method.equals("POST")) {
				appRoleLogin(exchange, body);
				return;
			}
			if (route.equals("auth/kubernetes/login") && method.equals("POST")) {
				kubernetesLogin(exchange, body);
				return;
			}
			String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
			if (token == null || !this.tokens.contains(token)) {
				respond(exchange, 403, errors("permission denied"));
				return;
			}
			boolean list = "LIST".equals(method) || (query != null && query.contains("list=true"));
			if (route.equals("auth/token/lookup-self")) {
				respond(exchange, 200, Map.of("data", Map.of("accessor", "fake-accessor", "policies", List.of("root"),
						"ttl", 0, "renewable", false, "type", "service")));
			}
			else if (route.equals("auth/token/renew-self")) {
				respond(exchange, 200, Map.of("auth", Map.of("client_token", token, "accessor", "fake-accessor",
						"policies", List.of("default"), "lease_duration", 3600, "renewable", true)));
			}
			else if (route.startsWith("sys/internal/ui/mounts/")) {
				mount(exchange, route.substring("sys/internal/ui/mounts/".length()));
			}
			else if (route.startsWith(KV_MOUNT + "/data/")) {
				kvData(exchange, method, route.substring((KV_MOUNT + "/data/").length()), body);
			}
			else if (route.startsWith(KV_MOUNT + "/metadata/") || route.equals(KV_MOUNT + "/metadata")) {
				String rest = route.length() > (KV_MOUNT + "/metadata/").length()
						? route.substring((KV_MOUNT + "/metadata/").length()) : "";
				kvMetadata(exchange, method, list, rest);
			}
			else if (route.startsWith(TRANSIT_MOUNT + "/")) {
				transit(exchange, method, route.substring(TRANSIT_MOUNT.length() + 1), body);
			}
			else {
				respond(exchange, 404, errors());
			}
		}
		catch (RuntimeException ex) {
			respond(exchange, 500, errors("internal error"));
		}
	}

	private void appRoleLogin(HttpExchange exchange, byte[] body) throws IOException {
		Map<String, Object> request = readJson(body);
		Object roleId = request.get("role_id");
		Object secretId = request.get("secret_id");
		if (roleId == null || secretId == null || !secretId.equals(this.appRoles.get(roleId.toString()))) {
			respond(exchange, 400, errors("invalid role or secret ID"));
			return;
		}
		String token = "hvs.approle-" + UUID.randomUUID();
		this.tokens.add(token);
		respond(exchange, 200,
				Map.of("auth",
						Map.of("client_token", token, "accessor", "fake-accessor", "policies", List.of("default"),
								"token_policies", List.of("default"), "lease_duration", 3600, "renewable", true,
								"metadata", Map.of("role_name", "fake"))));
	}

	private void kubernetesLogin(HttpExchange exchange, byte[] body) throws IOException {
		Map<String, Object> request = readJson(body);
		Object role = request.get("role");
		Object jwt = request.get("jwt");
		if (role == null || jwt == null || !jwt.equals(this.kubernetesRoles.get(role.toString()))) {
			respond(exchange, 403, errors("permission denied"));
			return;
		}
		String token = "hvs.k8s-" + UUID.randomUUID();
		this.tokens.add(token);
		respond(exchange, 200,
				Map.of("auth",
						Map.of("client_token", token, "accessor", "fake-accessor", "policies", List.of("default"),
								"token_policies", List.of("default"), "lease_duration", 3600, "renewable", true,
								"metadata", Map.of("role", role.toString()))));
	}

	private void mount(HttpExchange exchange, String path) throws IOException {
		if (path.equals(KV_MOUNT) || path.startsWith(KV_MOUNT + "/")) {
			respond(exchange, 200, Map.of("data", Map.of("path", KV_MOUNT + "/", "type", "kv", "description",
					"key/value secret storage", "options", Map.of("version", "2"))));
		}
		else if (path.equals(TRANSIT_MOUNT) || path.startsWith(TRANSIT_MOUNT + "/")) {
			respond(exchange, 200, Map.of("data",
					Map.of("path", TRANSIT_MOUNT + "/", "type", "transit", "description", "", "options", Map.of())));
		}
		else {
			respond(exchange, 403, errors("preflight capability check returned 403, please ensure client's policies "
					+ "grant access to path \"" + path + "/\""));
		}
	}

	private void kvData(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
		switch (method) {
			case "GET" -> {
				List<Version> versions = this.kv.get(path);
				if (versions == null || versions.isEmpty()) {
					respond(exchange, 404, errors());
					return;
				}
				Version latest = versions.get(versions.size() - 1);
				respond(exchange, 200,
						envelope(Map.of("data", latest.data(), "metadata", versionMetadata(latest, versions.size()))));
			}
			case "POST", "PUT" -> {
				Map<String, Object> request = readJson(body);
				Object data = request.get("data");
				if (!(data instanceof Map<?, ?> map)) {
					respond(exchange, 400, errors("no data provided"));
					return;
				}
				@SuppressWarnings("unchecked")
				int version = putSecret(path, (Map<String, Object>) map);
				Version written = this.kv.get(path).get(version - 1);
				respond(exchange, 200, envelope(versionMetadata(written, version)));
			}
			case "DELETE" -> {
				this.kv.remove(path);
				respond(exchange, 204, null);
			}
			default -> respond(exchange, 405, errors("unsupported operation"));
		}
	}

	private void kvMetadata(HttpExchange exchange, String method, boolean list, String path) throws IOException {
		if (list) {
			String prefix = path.isEmpty() || path.endsWith("/") ? path : path + "/";
			Set<String> keys = new TreeSet<>();
			for (String key : this.kv.keySet()) {
				if (key.startsWith(prefix)) {
					String rest = key.substring(prefix.length());
					int slash = rest.indexOf('/');
					keys.add(slash < 0 ? rest : rest.substring(0, slash + 1));
				}
			}
			if (keys.isEmpty()) {
				respond(exchange, 404, errors());
				return;
			}
			respond(exchange, 200, envelope(Map.of("keys", new ArrayList<>(keys))));
			return;
		}
		List<Version> versions = this.kv.get(path);
		if ("DELETE".equals(method)) {
			this.kv.remove(path);
			respond(exchange, 204, null);
			return;
		}
		if (versions == null || versions.isEmpty()) {
			respond(exchange, 404, errors());
			return;
		}
		Map<String, Object> all = new LinkedHashMap<>();
		for (int i = 0; i < versions.size(); i++) {
			all.put(Integer.toString(i + 1), Map.of("created_time", versions.get(i).created().toString(),
					"deletion_time", "", "destroyed", false));
		}
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("current_version", versions.size());
		metadata.put("oldest_version", 1);
		metadata.put("max_versions", 0);
		metadata.put("cas_required", false);
		metadata.put("delete_version_after", "0s");
		metadata.put("created_time", versions.get(0).created().toString());
		metadata.put("updated_time", versions.get(versions.size() - 1).created().toString());
		metadata.put("custom_metadata", null);
		metadata.put("versions", all);
		respond(exchange, 200, envelope(metadata));
	}

	private void transit(HttpExchange exchange, String method, String route, byte[] body) throws IOException {
		String[] parts = route.split("/");
		if (parts.length == 2 && parts[0].equals("keys") && method.equals("POST")) {
			createTransitKey(parts[1]);
			respond(exchange, 204, null);
			return;
		}
		if (parts.length == 2 && parts[0].equals("keys") && method.equals("GET")) {
			List<SecretKey> keys = this.transitKeys.get(parts[1]);
			if (keys == null) {
				respond(exchange, 404, errors());
				return;
			}
			Map<String, Object> versions = new LinkedHashMap<>();
			for (int i = 1; i <= keys.size(); i++) {
				versions.put(Integer.toString(i), Instant.now().getEpochSecond());
			}
			respond(exchange, 200, envelope(Map.of("name", parts[1], "type", "aes256-gcm96", "latest_version",
					keys.size(), "min_decryption_version", 1, "min_encryption_version", 0, "deletion_allowed", false,
					"exportable", false, "supports_encryption", true, "supports_decryption", true, "keys", versions)));
			return;
		}
		if (parts.length == 3 && parts[0].equals("keys") && parts[2].equals("rotate") && method.equals("POST")) {
			if (!this.transitKeys.containsKey(parts[1])) {
				respond(exchange, 400, errors("encryption key not found"));
				return;
			}
			rotateTransitKey(parts[1]);
			respond(exchange, 204, null);
			return;
		}
		if (parts.length != 2 || !method.equals("POST")) {
			respond(exchange, 404, errors());
			return;
		}
		String operation = parts[0];
		String keyName = parts[1];
		Map<String, Object> request = readJson(body);
		try {
			switch (operation) {
				case "encrypt" -> {
					Object plaintext = request.get("plaintext");
					if (plaintext == null) {
						respond(exchange, 400, errors("missing plaintext to encrypt"));
						return;
					}
					createTransitKey(keyName); // Vault upserts the key on encrypt
					byte[] clear = Base64.getDecoder().decode(plaintext.toString());
					int version = this.transitKeys.get(keyName).size();
					respond(exchange, 200,
							envelope(Map.of("ciphertext", seal(keyName, version, clear), "key_version", version)));
				}
				case "decrypt" -> {
					List<SecretKey> keys = this.transitKeys.get(keyName);
					if (keys == null) {
						respond(exchange, 400, errors("encryption key not found"));
						return;
					}
					byte[] clear = open(keyName, String.valueOf(request.get("ciphertext")));
					respond(exchange, 200, envelope(Map.of("plaintext", Base64.getEncoder().encodeToString(clear))));
				}
				case "rewrap" -> {
					if (!this.transitKeys.containsKey(keyName)) {
						respond(exchange, 400, errors("encryption key not found"));
						return;
					}
					byte[] clear = open(keyName, String.valueOf(request.get("ciphertext")));
					int version = this.transitKeys.get(keyName).size();
					respond(exchange, 200,
							envelope(Map.of("ciphertext", seal(keyName, version, clear), "key_version", version)));
				}
				default -> respond(exchange, 404, errors());
			}
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			respond(exchange, 400, errors("invalid ciphertext: unable to decrypt"));
		}
	}

	private String seal(String keyName, int version, byte[] clear) throws GeneralSecurityException {
		byte[] nonce = new byte[12];
		this.random.nextBytes(nonce);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, this.transitKeys.get(keyName).get(version - 1),
				new GCMParameterSpec(128, nonce));
		byte[] sealedBytes = cipher.doFinal(clear);
		byte[] out = new byte[nonce.length + sealedBytes.length];
		System.arraycopy(nonce, 0, out, 0, nonce.length);
		System.arraycopy(sealedBytes, 0, out, nonce.length, sealedBytes.length);
		return "vault:v" + version + ":" + Base64.getEncoder().encodeToString(out);
	}

	private byte[] open(String keyName, String ciphertext) throws GeneralSecurityException {
		if (!ciphertext.startsWith("vault:v")) {
			throw new IllegalArgumentException("not a ciphertext");
		}
		int colon = ciphertext.indexOf(':', 7);
		int version = Integer.parseInt(ciphertext.substring(7, colon));
		List<SecretKey> keys = this.transitKeys.get(keyName);
		if (version < 1 || version > keys.size()) {
			throw new IllegalArgumentException("unknown key version");
		}
		byte[] in = Base64.getDecoder().decode(ciphertext.substring(colon + 1));
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, keys.get(version - 1), new GCMParameterSpec(128, in, 0, 12));
		return cipher.doFinal(in, 12, in.length - 12);
	}

	private SecretKey newAesKey() {
		try {
			KeyGenerator generator = KeyGenerator.getInstance("AES");
			generator.init(256, this.random);
			return generator.generateKey();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> health(boolean sealed) {
		Map<String, Object> health = new LinkedHashMap<>();
		health.put("initialized", true);
		health.put("sealed", sealed);
		health.put("standby", false);
		health.put("performance_standby", false);
		health.put("replication_performance_mode", "disabled");
		health.put("replication_dr_mode", "disabled");
		health.put("server_time_utc", Instant.now().getEpochSecond());
		health.put("version", "1.17.0-fake");
		health.put("cluster_name", "fake-cluster");
		health.put("cluster_id", "00000000-0000-0000-0000-000000000000");
		return health;
	}

	private static Map<String, Object> versionMetadata(Version version, int number) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("created_time", version.created().toString());
		metadata.put("custom_metadata", null);
		metadata.put("deletion_time", "");
		metadata.put("destroyed", false);
		metadata.put("version", number);
		return metadata;
	}

	private static Map<String, Object> envelope(Map<String, ?> data) {
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("request_id", UUID.randomUUID().toString());
		response.put("lease_id", "");
		response.put("renewable", false);
		response.put("lease_duration", 0);
		response.put("data", data);
		response.put("wrap_info", null);
		response.put("warnings", null);
		response.put("auth", null);
		return response;
	}

	private static Map<String, Object> errors(String... messages) {
		return Map.of("errors", List.of(messages));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> readJson(byte[] body) {
		if (body.length == 0) {
			return Collections.emptyMap();
		}
		return JSON.readValue(body, Map.class);
	}

	private static byte[] readBody(InputStream in) throws IOException {
		return in.readAllBytes();
	}

	private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
		if (body == null) {
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private record Version(Map<String, Object> data, Instant created) {
	}

}
