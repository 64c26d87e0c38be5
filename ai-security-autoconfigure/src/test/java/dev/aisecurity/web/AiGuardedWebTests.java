package dev.aisecurity.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import dev.aisecurity.ratelimit.RateLimitEvent;
import dev.aisecurity.web.mfa.Base32;
import dev.aisecurity.web.mfa.Totp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = GuardedTestApplication.class)
// MockMvc itself prints requests (headers included) on failure; the logs checked here are
// the application's
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles("guarded")
@ExtendWith(OutputCaptureExtension.class)
class AiGuardedWebTests {

	private static final String ADMIN_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	@Autowired
	MockMvc mvc;

	@Autowired
	GuardedTestApplication.EventRecorder recorder;

	@Autowired
	GuardedTestApplication.OttCapture ott;

	@Autowired
	List<SecurityFilterChain> filterChains;

	@BeforeEach
	void clearEvents() {
		this.recorder.events.clear();
	}

	@Test
	void withoutCredentialsTheApiAnswers401Problem() throws Exception {
		this.mvc.perform(post("/api/chat").contentType(MediaType.TEXT_PLAIN).content("hi"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("AI_AUTHENTICATION_REQUIRED"))
			.andExpect(jsonPath("$.type").value("https://ai-security.dev/problems/authentication-required"))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(header().string("WWW-Authenticate", containsString("X-API-Key")));
	}

	@Test
	void unknownDisabledAndExpiredKeysAre401WithoutEchoingTheKey(CapturedOutput output) throws Exception {
		for (String key : new String[] { "no-such-key-4711", "test-disabled-key", "test-expired-key" }) {
			MvcResult result = this.mvc
				.perform(post("/api/chat").header("X-API-Key", key).contentType(MediaType.TEXT_PLAIN).content("hi"))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.code").value("AI_API_KEY_INVALID"))
				.andReturn();
			assertThat(result.getResponse().getContentAsString()).doesNotContain(key);
		}
		assertThat(output.getAll()).doesNotContain("no-such-key-4711", "test-disabled-key", "test-expired-key");
	}

	@Test
	void theStrictFirewallRejectsAControlCharacterInAHeaderItReads(
			@Autowired org.springframework.security.web.firewall.HttpFirewall firewall, CapturedOutput output)
			throws Exception {
		assertThat(firewall).isInstanceOf(org.springframework.security.web.firewall.StrictHttpFirewall.class);
		this.mvc
			.perform(post("/api/chat").header("X-API-Key", "test-pro-key\u0085")
				.contentType(MediaType.TEXT_PLAIN)
				.content("hi"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("AI_REQUEST_REJECTED"))
			.andExpect(content().string(not(containsString("test-pro-key"))));
		assertThat(output.getAll()).doesNotContain("test-pro-key");
		// a tab is allowed in a header value (the key is read without surrounding blanks)
		this.mvc.perform(
				post("/api/chat").header("X-API-Key", "test-pro-key\t").contentType(MediaType.TEXT_PLAIN).content("hi"))
			.andExpect(status().isOk());
	}

	@Test
	void validKeyPassesAndSetsRateLimitHeaders(CapturedOutput output) throws Exception {
		this.mvc.perform(
				post("/api/chat").header("X-API-Key", "test-pro-key").contentType(MediaType.TEXT_PLAIN).content("hi"))
			.andExpect(status().isOk())
			.andExpect(content().string("ok"))
			.andExpect(header().string("RateLimit-Policy", containsString("\"requests-minute\";q=120;w=60")))
			.andExpect(header().string("RateLimit", startsWith("\"requests-minute\";r=")));
		assertThat(output.getAll()).doesNotContain("test-pro-key");
	}

	@Test
	void requestsWithAKeyAreStatelessAndTheKeyAloneDecides() throws Exception {
		MvcResult result = this.mvc.perform(
				post("/api/chat").header("X-API-Key", "test-pro-key").contentType(MediaType.TEXT_PLAIN).content("hi"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn();
		assertThat(result.getRequest().getSession(false)).isNull();
		// a signed-in browser session (alice has ADMIN) lends nothing to a request that
		// carries a key: the key's principal lacks the role
		MockHttpSession session = new MockHttpSession();
		signIn(session, "alice", "alice-password");
		this.mvc.perform(get("/api/admin").session(session).header("X-API-Key", "test-pro-key"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("AI_ACCESS_DENIED"));
		this.mvc.perform(get("/api/admin").session(session).header("X-API-Key", "no-such-key-4711"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("AI_API_KEY_INVALID"));
		this.mvc.perform(get("/plain").session(session).header("X-API-Key", "no-such-key-4711"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void requestsWithAKeyGetAChainWithoutTheBrowserFilters() {
		MockHttpServletRequest withKey = new MockHttpServletRequest("POST", "/api/chat");
		withKey.addHeader("X-API-Key", "anything");
		assertThat(filtersFor(withKey)).extracting((filter) -> filter.getClass().getSimpleName())
			.contains("HeaderWriterFilter", "ApiKeyAuthenticationFilter", "ExceptionTranslationFilter",
					"AuthorizationFilter")
			.doesNotContain("CsrfFilter", "LogoutFilter", "UsernamePasswordAuthenticationFilter",
					"RequestCacheAwareFilter", "TotpLoginFilter");
		MockHttpServletRequest browser = new MockHttpServletRequest("POST", "/api/chat");
		assertThat(filtersFor(browser)).extracting((filter) -> filter.getClass().getSimpleName())
			.contains("CsrfFilter", "UsernamePasswordAuthenticationFilter", "ApiKeyAuthenticationFilter");
	}

	private void signIn(MockHttpSession session, String username, String password) throws Exception {
		this.mvc.perform(
				post("/login").session(session).param("username", username).param("password", password).with(csrf()))
			.andExpect(status().isFound());
	}

	private List<Filter> filtersFor(HttpServletRequest request) {
		// the chains in their order, the first that matches secures the request
		return this.filterChains.stream()
			.filter((chain) -> chain.matches(request))
			.findFirst()
			.orElseThrow()
			.getFilters();
	}

	@Test
	void theApiKeyChainWritesSecurityHeadersBeforeTheHandler() {
		// not when a streamed answer commits the response on another thread
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/chat");
		request.addHeader("X-API-Key", "test-pro-key");
		HeaderWriterFilter headers = filtersFor(request).stream()
			.filter(HeaderWriterFilter.class::isInstance)
			.map(HeaderWriterFilter.class::cast)
			.findFirst()
			.orElseThrow();
		assertThat(ReflectionTestUtils.getField(headers, "shouldWriteHeadersEagerly")).isEqualTo(true);
	}

	@Test
	void bearerFormIsAcceptedOnlyWithThePrefix() throws Exception {
		// the test keys do not carry the ais_ prefix: a bearer token without it is not an
		// API key and the request stays anonymous
		this.mvc
			.perform(post("/api/chat").header("Authorization", "Bearer test-pro-key")
				.contentType(MediaType.TEXT_PLAIN)
				.content("hi"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("AI_AUTHENTICATION_REQUIRED"));
	}

	@Test
	void missingRoleIs403BeforeFactorsAreConsidered() throws Exception {
		this.mvc.perform(get("/api/admin").header("X-API-Key", "test-pro-key"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("AI_ACCESS_DENIED"));
		assertThat(this.recorder.events).anySatisfy(
				(event) -> assertThat(event).isInstanceOfSatisfying(AiGuardedDecisionEvent.class, (decision) -> {
					assertThat(decision.granted()).isFalse();
					assertThat(decision.principal()).isEqualTo("pro-user");
					assertThat(decision.endpoint()).isEqualTo("GuardedController#admin");
				}));
		assertThat(this.recorder.events)
			.anySatisfy((event) -> assertThat(event).isInstanceOfSatisfying(AuditApplicationEvent.class,
					(audit) -> assertThat(audit.getAuditEvent().getType()).isEqualTo("AI_ACCESS_DENIED")));
		assertThat(this.recorder.events.toString()).doesNotContain("test-pro-key");
	}

	@Test
	void adminKeyWithoutOtpIs401ListingTheMissingFactor() throws Exception {
		this.mvc.perform(get("/api/admin").header("X-API-Key", "test-admin-key"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("AI_MFA_REQUIRED"))
			.andExpect(jsonPath("$.missingFactors[0]").value("FACTOR_TOTP"))
			.andExpect(header().string("WWW-Authenticate", containsString("X-OTP")));
		this.mvc.perform(get("/api/admin").header("X-API-Key", "test-admin-key").header("X-OTP", "000000"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.missingFactors[0]").value("FACTOR_TOTP"));
	}

	@Test
	void adminKeyWithValidOtpPassesOnceAndTheCodeCannotBeReplayed() throws Exception {
		String code = Totp.defaults().generate(Base32.decode(ADMIN_TOTP_SECRET), Instant.now());
		// the second rotation key of the same principal works too
		this.mvc.perform(get("/api/admin").header("X-API-Key", "test-admin-next-key").header("X-OTP", code))
			.andExpect(status().isOk())
			.andExpect(content().string("admin"));
		this.mvc.perform(get("/api/admin").header("X-API-Key", "test-admin-key").header("X-OTP", code))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("AI_MFA_REQUIRED"));
	}

	@Test
	void freeTierIsRefusedAfterFiveRequestsWith429AndHeaders() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc
				.perform(post("/api/chat").header("X-API-Key", "test-free-key")
					.contentType(MediaType.TEXT_PLAIN)
					.content("hi"))
				.andExpect(status().isOk());
		}
		MvcResult refused = this.mvc.perform(
				post("/api/chat").header("X-API-Key", "test-free-key").contentType(MediaType.TEXT_PLAIN).content("hi"))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("AI_RATE_LIMITED"))
			.andExpect(jsonPath("$.tier").value("free"))
			.andExpect(jsonPath("$.limit").value("requests-minute"))
			.andExpect(header().exists("Retry-After"))
			.andExpect(header().string("RateLimit-Policy", containsString("\"requests-minute\";q=5;w=60")))
			.andExpect(header().string("RateLimit", startsWith("\"requests-minute\";r=0;t=")))
			.andReturn();
		long retryAfter = Long.parseLong(refused.getResponse().getHeader("Retry-After"));
		assertThat(retryAfter).isBetween(1L, 60L);
		assertThat(this.recorder.events)
			.anySatisfy((event) -> assertThat(event).isInstanceOfSatisfying(RateLimitEvent.class,
					(limited) -> assertThat(limited.subject()).isEqualTo("free-user")));
		assertThat(this.recorder.events)
			.anySatisfy((event) -> assertThat(event).isInstanceOfSatisfying(AuditApplicationEvent.class,
					(audit) -> assertThat(audit.getAuditEvent().getType()).isEqualTo("AI_RATE_LIMITED")));
	}

	@Test
	void anonymousAccessIsAllowedWhereDeclaredAndLimitedPerAddress() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/api/public").with((r) -> {
				r.setRemoteAddr("192.0.2.10");
				return r;
			})).andExpect(status().isOk()).andExpect(content().string("public"));
		}
		this.mvc.perform(get("/api/public").with((r) -> {
			r.setRemoteAddr("192.0.2.10");
			return r;
		})).andExpect(status().isTooManyRequests());
		// X-Forwarded-For from an untrusted peer does not buy a fresh quota
		this.mvc.perform(get("/api/public").header("X-Forwarded-For", "198.51.100.77").with((r) -> {
			r.setRemoteAddr("192.0.2.10");
			return r;
		})).andExpect(status().isTooManyRequests());
		this.mvc.perform(get("/api/public").with((r) -> {
			r.setRemoteAddr("192.0.2.11");
			return r;
		})).andExpect(status().isOk());
		assertThat(this.recorder.events.toString()).doesNotContain("192.0.2.10");
	}

	@Test
	void unguardedEndpointsStillNeedAuthentication() throws Exception {
		this.mvc.perform(get("/plain")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/plain").header("X-API-Key", "test-pro-key")).andExpect(status().isOk());
	}

	@Test
	void oversizedInputIs413() throws Exception {
		this.mvc
			.perform(post("/api/small").header("X-API-Key", "test-pro-key")
				.contentType(MediaType.TEXT_PLAIN)
				.content("x".repeat(101)))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.code").value("AI_INPUT_TOO_LARGE"))
			.andExpect(jsonPath("$.maxBytes").value(100));
	}

	@Test
	void tokenBudgetIsPreCheckedAndDebitedFromReportedUsage() throws Exception {
		// tier tiny: 100 tokens per minute; the model reports 80 per call
		this.mvc.perform(
				post("/api/model").header("X-API-Key", "test-free-key").contentType(MediaType.TEXT_PLAIN).content("q"))
			.andExpect(status().isOk())
			.andExpect(content().string("answer"));
		this.mvc.perform(
				post("/api/model").header("X-API-Key", "test-free-key").contentType(MediaType.TEXT_PLAIN).content("q"))
			.andExpect(status().isOk());
		this.mvc.perform(
				post("/api/model").header("X-API-Key", "test-free-key").contentType(MediaType.TEXT_PLAIN).content("q"))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.code").value("AI_TOKEN_BUDGET_EXHAUSTED"))
			.andExpect(jsonPath("$.limit").value("tokens-minute"));
	}

	@Test
	void streamedUsageIsDebitedWhenTheStreamEnds() throws Exception {
		for (int i = 0; i < 2; i++) {
			MvcResult started = this.mvc
				.perform(post("/api/model/stream").header("X-API-Key", "test-pro-key")
					.contentType(MediaType.TEXT_PLAIN)
					.content("q"))
				.andExpect(request().asyncStarted())
				.andReturn();
			assertThat(started.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
			this.mvc.perform(asyncDispatch(started)).andExpect(status().isOk());
		}
		this.mvc
			.perform(post("/api/model/stream").header("X-API-Key", "test-pro-key")
				.contentType(MediaType.TEXT_PLAIN)
				.content("q"))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.code").value("AI_TOKEN_BUDGET_EXHAUSTED"));
	}

	@Test
	void browserSessionNeedsPasswordThenOneTimeToken() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get("/api/admin").session(session).accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		signIn(session, "alice", "alice-password");
		// password alone: redirected to the one-time-token step
		this.mvc.perform(get("/api/admin").session(session).accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login?factor.type=ott&factor.reason=missing"));
		this.mvc.perform(post("/ott/generate").session(session).param("username", "alice").with(csrf()))
			.andExpect(status().isNoContent());
		String token = this.ott.token.get();
		assertThat(token).isNotBlank();
		this.mvc.perform(post("/login/ott").session(session).param("token", token).with(csrf()))
			.andExpect(status().isFound());
		this.mvc.perform(get("/api/admin").session(session).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string("admin"));
	}

	@Test
	void browserSessionWithBothFactorsButWithoutTheRoleIs403() throws Exception {
		MockHttpSession session = new MockHttpSession();
		signIn(session, "bob", "bob-password");
		this.mvc.perform(post("/ott/generate").session(session).param("username", "bob").with(csrf()))
			.andExpect(status().isNoContent());
		this.mvc.perform(post("/login/ott").session(session).param("token", this.ott.token.get()).with(csrf()))
			.andExpect(status().isFound());
		this.mvc.perform(get("/api/admin").session(session)).andExpect(status().isForbidden());
	}

	@Test
	void apiClientsMissingAFactorGetProblemsNotRedirects() throws Exception {
		MockHttpSession session = new MockHttpSession();
		signIn(session, "alice", "alice-password");
		this.mvc.perform(get("/api/admin").session(session).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("AI_MFA_REQUIRED"))
			.andExpect(jsonPath("$.missingFactors[0]").value("FACTOR_OTT"));
	}

}
