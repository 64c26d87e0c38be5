package dev.aisecurity.actuate;

import java.util.Objects;

import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.core.Ordered;

/**
 * The first advisor of every ChatClient: refuses the call with
 * {@link KillSwitchEngagedException} while the {@link KillSwitch} is engaged, before any
 * other advisor or the model runs.
 */
public final class KillSwitchAdvisor implements CallAdvisor, StreamAdvisor {

	/** The very front of the chain. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

	private final KillSwitch killSwitch;

	/**
	 * Create the advisor.
	 * @param killSwitch the switch
	 */
	public KillSwitchAdvisor(KillSwitch killSwitch) {
		this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
	}

	@Override
	public String getName() {
		return "AiSecurityKillSwitch";
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		this.killSwitch.check();
		return chain.nextCall(request);
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		if (this.killSwitch.isEngaged()) {
			return Flux.error(new KillSwitchEngagedException());
		}
		return chain.nextStream(request);
	}

}
