package dev.aisecurity.test.redteam;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Attacks a Spring MVC endpoint through {@link MockMvc}, without a server. Streaming
 * endpoints are dispatched asynchronously to the end of their stream. <pre class="code">
 * MockMvcTarget.of(mockMvc).path("/api/chat").header("X-API-Key", "test-key").build();
 * </pre>
 */
public final class MockMvcTarget implements AttackTarget {

	private final MockMvc mockMvc;

	private final String path;

	private final Map<String, String> headers;

	private final RequestBodies bodies;

	private MockMvcTarget(Builder builder) {
		this.mockMvc = builder.mockMvc;
		this.path = builder.path();
		this.headers = builder.requestHeaders();
		this.bodies = builder.bodies();
	}

	public static Builder of(MockMvc mockMvc) {
		return new Builder(mockMvc);
	}

	@Override
	public TargetResponse send(Attack attack) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(this.path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.bodies.body(attack));
		this.headers.forEach((name, value) -> request.header(name, value));
		try {
			MvcResult result = this.mockMvc.perform(request).andReturn();
			if (result.getRequest().isAsyncStarted()) {
				result = this.mockMvc.perform(MockMvcRequestBuilders.asyncDispatch(result)).andReturn();
			}
			if (result.getResolvedException() != null && result.getResponse().getStatus() == 200) {
				return TargetResponse.exception(result.getResolvedException());
			}
			return TargetResponse.http(result.getResponse().getStatus(), result.getResponse().getContentType(),
					result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			// an exception no handler resolved: what a servlet container would turn into
			// a 500
			return TargetResponse.exception(ex);
		}
	}

	@Override
	public boolean supportsRawBodies() {
		return true;
	}

	@Override
	public String name() {
		return "MockMvc POST " + this.path;
	}

	/**
	 * Builds a {@link MockMvcTarget}.
	 */
	public static final class Builder extends EndpointTargetBuilder<Builder> {

		private final MockMvc mockMvc;

		private Builder(MockMvc mockMvc) {
			super("/");
			this.mockMvc = Objects.requireNonNull(mockMvc, "mockMvc");
		}

		public MockMvcTarget build() {
			return new MockMvcTarget(this);
		}

	}

}
