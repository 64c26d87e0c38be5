package dev.aisecurity.dashboard;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.aisecurity.web.AiGuarded;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The security dashboard: one static page (HTML, script and style sheet from the class
 * path, no inline script, nothing fetched from elsewhere) and the JSON state it polls.
 * Every handler needs the {@value #ROLE} role and a second factor ({@link AiGuarded}),
 * like the application's other administrative operations, and is rate limited in the
 * {@code dashboard} bucket. Responses carry a strict Content Security Policy.
 */
@RestController
@AiGuarded(roles = DashboardController.ROLE, mfa = true, bucket = "dashboard")
public class DashboardController {

	/** The role the dashboard needs. */
	public static final String ROLE = "ADMIN";

	/** The default path; {@code ai.security.dashboard.path} changes it. */
	public static final String DEFAULT_PATH = "/ai-security/dashboard";

	static final String PATH = "${ai.security.dashboard.path:" + DEFAULT_PATH + "}";

	/**
	 * Same-origin script, style and fetches only; no inline script or style, no frames,
	 * no plug-ins, no base or form targets elsewhere.
	 */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
			+ "style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'none'";

	private static final String RESOURCES = "dev/aisecurity/dashboard/static/";

	private final DashboardSnapshot snapshot;

	private final String chatPath;

	private final Duration refreshInterval;

	/**
	 * Create the controller.
	 * @param snapshot reads what the dashboard shows
	 * @param chatPath the chat endpoint the chat box posts to, or null for no chat box
	 * @param refreshInterval how often the page polls its state
	 */
	public DashboardController(DashboardSnapshot snapshot, String chatPath, Duration refreshInterval) {
		this.snapshot = snapshot;
		this.chatPath = chatPath;
		this.refreshInterval = refreshInterval;
	}

	/**
	 * The dashboard's address without a trailing slash: redirects to the page, so that
	 * its relative links resolve under the dashboard's path.
	 * @param request the request
	 * @return a redirect
	 */
	@GetMapping(PATH)
	public ResponseEntity<Void> redirect(HttpServletRequest request) {
		return ResponseEntity.status(302).header(HttpHeaders.LOCATION, request.getRequestURI() + "/").build();
	}

	/**
	 * The page.
	 * @return the HTML
	 */
	@GetMapping(PATH + "/")
	public ResponseEntity<Resource> page() {
		return resource("index.html", MediaType.TEXT_HTML);
	}

	/**
	 * The page's script.
	 * @return the script
	 */
	@GetMapping(PATH + "/dashboard.js")
	public ResponseEntity<Resource> script() {
		return resource("dashboard.js", MediaType.valueOf("text/javascript"));
	}

	/**
	 * The page's style sheet.
	 * @return the style sheet
	 */
	@GetMapping(PATH + "/dashboard.css")
	public ResponseEntity<Resource> style() {
		return resource("dashboard.css", MediaType.valueOf("text/css"));
	}

	/**
	 * What the page shows, plus the chat endpoint, the refresh interval and the CSRF
	 * token the chat box sends.
	 * @param request the request
	 * @return the state
	 */
	@GetMapping(path = PATH + "/state", produces = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<Map<String, Object>> state(HttpServletRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("chatPath", (this.chatPath != null) ? request.getContextPath() + this.chatPath : null);
		body.put("refreshMillis", this.refreshInterval.toMillis());
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
			body.put("csrf", Map.of("header", csrf.getHeaderName(), "token", csrf.getToken()));
		}
		body.putAll(this.snapshot.take());
		return ResponseEntity.ok().headers(this::secure).body(body);
	}

	private ResponseEntity<Resource> resource(String name, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.headers(this::secure)
			.body(new ClassPathResource(RESOURCES + name));
	}

	private void secure(HttpHeaders headers) {
		headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		headers.set("Referrer-Policy", "no-referrer");
		headers.setCacheControl(CacheControl.noStore());
	}

}
