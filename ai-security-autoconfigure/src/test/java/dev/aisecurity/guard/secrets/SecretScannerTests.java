package dev.aisecurity.guard.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets are generated here from each format's published shape (seeded, so runs repeat);
 * none is a real credential.
 */
class SecretScannerTests {

	private static final String BASE62 = RandomText.BASE62;

	private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private final Random random = new Random(42);

	private final SecretScanner scanner = new SecretScanner();

	private String random(String alphabet, int length) {
		return RandomText.of(this.random, alphabet, length);
	}

	private List<String> types(String text) {
		return this.scanner.findSecrets(text).stream().map(SecretMatch::type).toList();
	}

	private void assertFinds(String text, String type, String secret) {
		List<SecretMatch> matches = this.scanner.findSecrets(text);
		assertThat(matches).as(type).extracting(SecretMatch::type).contains(type);
		SecretMatch match = matches.stream().filter((m) -> m.type().equals(type)).findFirst().orElseThrow();
		assertThat(text.substring(match.start(), match.end())).contains(secret);
	}

	@Test
	void awsAccessKey() {
		String key = "AKIA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
		assertFinds("aws_access_key_id = " + key + "\n", "AWS_ACCESS_KEY", key);
		assertThat(types("AKIAIOSFODNN7EXAMPLE")).as("documentation example").isEmpty();
		assertThat(types("x" + key)).as("glued to a word").isEmpty();
	}

	@Test
	void githubTokenWithChecksumScoresHighest() {
		String body = random(BASE62, 30);
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.US_ASCII));
		String valid = "ghp_" + body + Checksums.base62(crc.getValue(), 6);
		String unchecked = "ghp_" + random(BASE62, 36);
		assertThat(Checksums.githubChecksum(valid)).isTrue();
		List<SecretMatch> matches = this.scanner.findSecrets("token " + valid + " and " + unchecked);
		assertThat(matches).extracting(SecretMatch::type).containsExactly("GITHUB_TOKEN", "GITHUB_TOKEN");
		assertThat(matches.get(0).score()).isEqualTo(1.0);
		assertThat(matches.get(1).score()).isLessThan(1.0).isGreaterThanOrEqualTo(0.5);
		assertThat(types("ghp_" + "x".repeat(36))).isEmpty();
		assertFinds("github_pat_" + random(BASE62, 22) + "_" + random(BASE62, 59), "GITHUB_TOKEN", "github_pat_");
	}

	@Test
	void vendorTokens() {
		assertFinds("GITLAB=glpat-" + random(BASE62, 20), "GITLAB_TOKEN", "glpat-");
		assertFinds("bot xoxb-" + random("0123456789", 12) + "-" + random("0123456789", 13) + "-" + random(BASE62, 24),
				"SLACK_TOKEN", "xoxb-");
		assertFinds(
				"hooks.slack.com/services/T" + random(BASE62, 8) + "/B" + random(BASE62, 8) + "/" + random(BASE62, 24),
				"SLACK_WEBHOOK", "/");
		assertFinds("stripe: sk_live_" + random(BASE62, 24), "STRIPE_KEY", "sk_live_");
		assertFinds("OPENAI_API_KEY=sk-proj-" + random(BASE62, 30) + "T3BlbkFJ" + random(BASE62, 30), "OPENAI_API_KEY",
				"T3BlbkFJ");
		assertFinds("sk-ant-api03-" + random(BASE62 + "-_", 93) + "AA", "ANTHROPIC_API_KEY", "sk-ant-api03-");
		assertFinds("HF_TOKEN: hf_" + random(LETTERS, 34), "HUGGINGFACE_TOKEN", "hf_");
		assertFinds("GOOGLE_API_KEY=AIza" + random(BASE62 + "-_", 35), "GCP_API_KEY", "AIza");
		assertFinds("{\"type\": \"service_account\", \"project_id\": \"demo\"}", "GCP_SERVICE_ACCOUNT",
				"service_account");
		assertFinds("AZURE_CLIENT_SECRET=" + random(BASE62, 3) + "8Q~" + random(BASE62 + "_~.-", 34),
				"AZURE_CLIENT_SECRET", "Q~");
		assertFinds("DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=" + random(BASE62 + "+/", 86) + "==;",
				"AZURE_STORAGE_KEY", "==");
	}

	@Test
	void jwtAndPrivateKey() {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String jwt = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
				+ "." + encoder.encodeToString("{\"sub\":\"42\",\"name\":\"demo\"}".getBytes(StandardCharsets.UTF_8))
				+ "." + random(BASE62 + "-_", 43);
		assertFinds("Authorization: Bearer " + jwt, "JWT", jwt);
		StringBuilder pem = new StringBuilder("-----BEGIN RSA PRIVATE KEY-----\n");
		for (int i = 0; i < 10; i++) {
			pem.append(random(BASE62 + "+/", 64)).append('\n');
		}
		pem.append("-----END RSA PRIVATE KEY-----");
		assertFinds("key file:\n" + pem + "\nthanks", "PRIVATE_KEY", "BEGIN RSA PRIVATE KEY");
		assertThat(types("-----BEGIN PRIVATE KEY-----\nyour key here\n-----END PRIVATE KEY-----")).isEmpty();
		assertThat(types("-----BEGIN PUBLIC KEY-----\n" + random(BASE62, 64) + "\n-----END PUBLIC KEY-----")).isEmpty();
	}

	@Test
	void assignmentsAndPasswords() {
		String secret = random(BASE62, 32);
		assertFinds("\"client_secret\": \"" + secret + "\"", "GENERIC", secret);
		assertFinds("export SERVICE_API_KEY=" + secret, "GENERIC", secret);
		assertFinds("<authToken>\n  " + secret + "\n</authToken>", "GENERIC", secret);
		assertFinds("db.password = S3cure!Pass99", "GENERIC", "S3cure!Pass99");
		assertFinds("postgres://app:Sup3rS3cret@db.internal:5432/app", "URL_CREDENTIALS", "Sup3rS3cret");
		assertFinds("curl -u deploy:x9Gq2LmP7v https://api.example.org", "PASSWORD", "x9Gq2LmP7v");
	}

	@ParameterizedTest
	@ValueSource(strings = { "| key | value |\n|-----|-------|\n| timeout | 30 |\n| retries | 5 |",
			"==================================================",
			"commit 3f2a9c1e4b5d6f7a8b9c0d1e2f3a4b5c6d7e8f90\nAuthor: Dev <dev@example.org>",
			"image@sha256:9b2a4c6e8f0a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c",
			"request id 123e4567-e89b-12d3-a456-426614174000 failed", "The key to success is patience.",
			"Enter your password: ********", "password: required", "token = os.environ['TOKEN']",
			"api_key = ${API_KEY}", "apiKey: process.env.OPENAI_API_KEY", "csrf_token=8a7f6e5d4c3b2a19f8e7d6c5b4a39281",
			"public_key = \"MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE\"", "primary key = customer_id",
			"version = 1.24.3-SNAPSHOT", "secret_length = X25519.secret_length",
			"const keyStr = \"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789\"",
			"How do I rotate an AWS access key and a GitHub token safely?", "password = \"<your password>\"",
			"token: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "Our monkey=Bananas123456 parade" })
	void ordinaryTextIsNotASecret(String text) {
		assertThat(types(text)).as(text).isEmpty();
	}

	@Test
	void base64ImageIsNotASecret() {
		byte[] bytes = new byte[3000];
		this.random.nextBytes(bytes);
		String image = "![img](data:image/png;base64," + Base64.getEncoder().encodeToString(bytes) + ")";
		assertThat(types(image)).isEmpty();
	}

	@Test
	void pipelineRedactsWithTypedPlaceholder() {
		String key = "AKIA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
		GuardPipeline pipeline = GuardPipeline.builder().direction(Direction.OUTPUT).scanner(this.scanner).build();
		Verdict verdict = pipeline.scan("Use " + key + " to log in.");
		assertThat(verdict.decision()).isEqualTo(Decision.SANITIZE);
		assertThat(verdict.text()).isEqualTo("Use [REDACTED_SECRET:AWS_ACCESS_KEY] to log in.");
		assertThat(verdict.reasonCodes()).containsExactly("SECRET_AWS_ACCESS_KEY");
		assertThat(verdict.toString()).doesNotContain(key);
	}

	@Test
	void customRuleIsApplied() {
		SecretRule rule = SecretRule.builder("acme-token", "ACME_TOKEN")
			.keywords("acme_")
			.pattern("acme_[a-z0-9]{24}")
			.minEntropy(3.0)
			.build();
		SecretScanner custom = SecretScanner.withAdditionalRules(List.of(rule));
		String token = "acme_" + random("abcdefghijklmnopqrstuvwxyz0123456789", 24);
		assertThat(custom.findSecrets("use " + token)).extracting(SecretMatch::ruleId).containsExactly("acme-token");
		assertThat(custom.findSecrets("acme_" + "a".repeat(24))).isEmpty();
		assertThat(this.scanner.findSecrets("use " + token)).isEmpty();
	}

	@Test
	void disabledRulesAreLeftOut() {
		SecretScanner withoutAws = new SecretScanner(SecretRules.defaultsExcept(List.of("aws-access-key")));
		String key = "AKIA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
		assertThat(withoutAws.findSecrets(key)).isEmpty();
		assertThat(this.scanner.findSecrets(key)).hasSize(1);
	}

	@Test
	void ruleIdsAreUniqueAndCodesWellFormed() {
		List<SecretRule> rules = SecretRules.defaults();
		assertThat(rules).extracting(SecretRule::id).doesNotHaveDuplicates();
		assertThat(rules).allSatisfy((rule) -> assertThat(rule.code()).matches("SECRET_[A-Z0-9_]+"));
	}

	@Test
	void facebookAppTokenAmongChatTemplateMarkers() {
		String token = random("0123456789", 15) + "|" + random(BASE62, 27);
		String text = "<|im_start|>user <|im_end|> app token " + token + " <|im_start|>";
		assertThat(this.scanner.findSecrets(text)).singleElement().satisfies((match) -> {
			assertThat(match.type()).isEqualTo("FACEBOOK_TOKEN");
			assertThat(text.substring(match.start(), match.end())).isEqualTo(token);
		});
	}

	@Test
	void hitCheckSkipsOnlyWindowsWithoutMatches() {
		// the same pattern rule with and without the check must find the same secrets
		String pattern = "[0-9]{15,16}\\|[0-9A-Za-z_-]{27}";
		SecretScanner checked = new SecretScanner(List.of(SecretRule.builder("fb", "FB")
			.keywords("|")
			.pattern(pattern)
			.hitCheck(SecretRules::facebookAppTokenAround)
			.window(50)
			.build()));
		SecretScanner unchecked = new SecretScanner(
				List.of(SecretRule.builder("fb", "FB").keywords("|").pattern(pattern).window(50).build()));
		String[] pieces = { "|", "<|im_start|>", " ", "0", "7", "1234567890", "aB_-", random(BASE62, 27),
				random("0123456789", 16) + "|" };
		int found = 0;
		for (int round = 0; round < 3000; round++) {
			StringBuilder text = new StringBuilder();
			int count = this.random.nextInt(30);
			for (int i = 0; i < count; i++) {
				text.append(pieces[this.random.nextInt(pieces.length)]);
			}
			List<SecretMatch> expected = unchecked.findSecrets(text.toString());
			found += expected.size();
			assertThat(checked.findSecrets(text.toString())).as(text.toString()).isEqualTo(expected);
		}
		assertThat(found).isPositive();
	}

}
