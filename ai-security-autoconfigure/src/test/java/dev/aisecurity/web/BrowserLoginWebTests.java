package dev.aisecurity.web;

import java.time.Instant;
import java.util.List;

import dev.aisecurity.dashboard.DashboardController;
import dev.aisecurity.web.mfa.Base32;
import dev.aisecurity.web.mfa.Totp;
import dev.aisecurity.web.mfa.TotpLoginFilter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Browser sign-in with password and TOTP in the default chain (the login page, the TOTP
 * step, its failure limit), and the security dashboard behind it.
 */
@SpringBootTest(classes = GuardedTestApplication.class,
		properties = { "ai.security.mfa.required-factors=password,totp", "ai.security.dashboard.enabled=true",
				"ai.security.dashboard.chat-path=/api/chat", "logging.level.org.springframework.security=INFO" })
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles("guarded")
class BrowserLoginWebTests {

	private static final String ALICE_TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

	@Autowired
	MockMvc mvc;

	@Test
	void loginPageIsScriptFreeWithCsrfTokenAndStrictPolicy() throws Exception {
		this.mvc.perform(get("/login").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"username\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(not(containsString("<script"))))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")));
		this.mvc.perform(get("/login?error").accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Sign-in failed")));
	}

	@Test
	void passwordThenTotpReachesTheAdminEndpoint() throws Exception {
		MockHttpSession session = signInWithPassword();
		this.mvc.perform(get("/api/admin").session(session).accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login?factor.type=totp&factor.reason=missing"));
		this.mvc.perform(get("/login?factor.type=totp&factor.reason=missing").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"code\"")))
			.andExpect(content().string(containsString("action=\"" + TotpLoginFilter.DEFAULT_PROCESSING_URL)));
		this.mvc.perform(post("/login/totp").session(session).param("code", "000000x").with(csrf()))
			.andExpect(redirectedUrl("/login?factor.type=totp&factor.reason=invalid"));
		MvcResult verified = this.mvc
			.perform(post("/login/totp").session(session).param("code", code(ALICE_TOTP_SECRET)).with(csrf()))
			.andExpect(status().isFound())
			.andReturn();
		// back to the request that needed the factor
		assertThat(verified.getResponse().getRedirectedUrl()).contains("/api/admin");
		this.mvc.perform(get("/api/admin").session(session).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string("admin"));
	}

	@Test
	void totpStepNeedsCsrfTokenAndFirstFactor() throws Exception {
		MockHttpSession session = signInWithPassword();
		this.mvc.perform(post("/login/totp").session(session).param("code", "123456"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/login/totp").param("code", "123456").with(csrf())).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/login?factor.type=totp")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void repeatedWrongCodesEndTheSession() throws Exception {
		MockHttpSession session = signInWithPassword();
		for (int i = 1; i < TotpLoginFilter.MAX_FAILURES; i++) {
			this.mvc.perform(post("/login/totp").session(session).param("code", "000000").with(csrf()))
				.andExpect(redirectedUrl("/login?factor.type=totp&factor.reason=invalid"));
		}
		this.mvc.perform(post("/login/totp").session(session).param("code", "000000").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void dashboardNeedsAdminAndBothFactors() throws Exception {
		this.mvc.perform(get("/ai-security/dashboard/").accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/ai-security/dashboard/state").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("AI_AUTHENTICATION_REQUIRED"));
		this.mvc
			.perform(get("/ai-security/dashboard/state").accept(MediaType.APPLICATION_JSON)
				.with(authentication(user("bob", "ROLE_USER", "FACTOR_PASSWORD", "FACTOR_TOTP"))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/ai-security/dashboard/state").accept(MediaType.APPLICATION_JSON)
				.with(authentication(user("alice", "ROLE_ADMIN", "FACTOR_PASSWORD"))))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("AI_MFA_REQUIRED"));
	}

	@Test
	void dashboardPageHasStrictPolicyAndNoInlineScript() throws Exception {
		Authentication alice = user("alice", "ROLE_ADMIN", "FACTOR_PASSWORD", "FACTOR_TOTP");
		this.mvc.perform(get("/ai-security/dashboard").with(authentication(alice)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/ai-security/dashboard/"));
		MvcResult page = this.mvc.perform(get("/ai-security/dashboard/").with(authentication(alice)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", DashboardController.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn();
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains("<script src=\"dashboard.js\" defer></script>")
			.doesNotContainPattern("<script>|<script [^>]*>[^<]")
			.doesNotContain(" onclick=", " onload=", "style=\"", "http://", "https://");
		this.mvc.perform(get("/ai-security/dashboard/dashboard.js").with(authentication(alice)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/javascript")))
			.andExpect(content().string(not(containsString("innerHTML"))))
			.andExpect(content().string(not(containsString("eval("))));
		this.mvc.perform(get("/ai-security/dashboard/dashboard.css").with(authentication(alice)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/css")));
	}

	@Test
	void dashboardStateHasCountersPostureAndTheChatSettings() throws Exception {
		this.mvc
			.perform(get("/ai-security/dashboard/state").accept(MediaType.APPLICATION_JSON)
				.with(authentication(user("alice", "ROLE_ADMIN", "FACTOR_PASSWORD", "FACTOR_TOTP"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", DashboardController.CONTENT_SECURITY_POLICY))
			.andExpect(jsonPath("$.chatPath").value("/api/chat"))
			.andExpect(jsonPath("$.refreshMillis").value(5000))
			.andExpect(jsonPath("$.csrf.header").value("X-CSRF-TOKEN"))
			.andExpect(jsonPath("$.csrf.token").isNotEmpty())
			.andExpect(jsonPath("$.detectors").isArray())
			.andExpect(jsonPath("$.verdicts").isMap())
			.andExpect(jsonPath("$.rateLimitRejections").isMap())
			.andExpect(jsonPath("$.extractionScores").isArray())
			.andExpect(jsonPath("$.posture.controls[0].id").isNotEmpty());
	}

	private MockHttpSession signInWithPassword() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc
			.perform(post("/login").session(session)
				.param("username", "alice")
				.param("password", "alice-password")
				.with(csrf()))
			.andExpect(status().isFound());
		return session;
	}

	private static Authentication user(String name, String... authorities) {
		List<GrantedAuthority> granted = new java.util.ArrayList<>();
		for (String authority : authorities) {
			granted.add(authority.startsWith("FACTOR_") ? FactorGrantedAuthority.fromAuthority(authority)
					: new SimpleGrantedAuthority(authority));
		}
		return UsernamePasswordAuthenticationToken.authenticated(name, null, granted);
	}

	private static String code(String secret) {
		return Totp.defaults().generate(Base32.decode(secret), Instant.now());
	}

}
