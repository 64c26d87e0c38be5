package dev.aisecurity.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.aisecurity.ai.GuardedChatModel;
import dev.aisecurity.ai.PromptGuard;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardPipelines;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * What the Spring AI edge adds to the input pipeline: scanning a prompt through the
 * {@link GuardedChatModel} decorator (per-message scan, scan marker, prompt rebuild)
 * against a model that answers at once, compared with the bare pipeline on the same text,
 * and the cost of the skip path (a prompt the advisor already scanned: marker check
 * only).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InputGuardEdgeBenchmark {

	private static final String PARAGRAPH = "Our quarterly report covers revenue, churn and hiring. Please "
			+ "summarise the main risks for the board in plain language, and suggest three questions the "
			+ "directors should ask the finance team before the next meeting. ";

	@Param({ "1024", "16384" })
	public int size;

	private GuardPipeline pipeline;

	private ChatModel guarded;

	private String text;

	private Prompt prompt;

	private Prompt scannedPrompt;

	@Setup
	public void setUp() {
		this.pipeline = GuardPipelines.defaultInput();
		PromptGuard guard = PromptGuard.builder(this.pipeline).build();
		ChatResponse answer = new ChatResponse(List.of(new Generation(new AssistantMessage("ok"))));
		this.guarded = new GuardedChatModel(new ChatModel() {

			@Override
			public ChatResponse call(Prompt prompt) {
				return answer;
			}

			@Override
			public Flux<ChatResponse> stream(Prompt prompt) {
				return Flux.just(answer);
			}

		}, guard);
		StringBuilder builder = new StringBuilder(this.size + PARAGRAPH.length());
		while (builder.length() < this.size) {
			builder.append(PARAGRAPH);
		}
		this.text = builder.substring(0, this.size);
		this.prompt = new Prompt(new SystemMessage("You are a helpful assistant."), new UserMessage(this.text));
		this.scannedPrompt = guard.scan(this.prompt, null).prompt();
	}

	@Benchmark
	public Object pipelineOnly() {
		return this.pipeline.scan(this.text);
	}

	@Benchmark
	public Object decoratorScan() {
		return this.guarded.call(this.prompt);
	}

	@Benchmark
	public Object decoratorSkipsScannedPrompt() {
		return this.guarded.call(this.scannedPrompt);
	}

}
