package dev.aisecurity.guard.secrets;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider rules added after the first seventy: each finds a key of its provider's
 * published shape, and misses one of the wrong length or alphabet, a placeholder, or
 * (where the shape is plain) one without the provider's name nearby. Keys are generated
 * here (seeded, so runs repeat) and assembled from pieces; none is a real credential.
 */
class MoreProviderSecretRulesTests {

	private static final String DIGITS = "0123456789";

	private static final String HEX = "0123456789abcdef";

	private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private static final String LOWER_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";

	private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

	private static final String BASE62 = RandomText.BASE62;

	private static final String BASE64URL = BASE62 + "_-";

	private static final String BASE64 = BASE62 + "+/";

	private final Random random = new Random(7321);

	private final SecretScanner scanner = new SecretScanner();

	private String random(String alphabet, int length) {
		return RandomText.of(this.random, alphabet, length);
	}

	/** Random characters of an alphabet that start with a letter or digit. */
	private String token(String alphabet, int length) {
		return random(BASE62, 1) + random(alphabet, length - 1);
	}

	private String uuid() {
		return random(HEX, 8) + "-" + random(HEX, 4) + "-" + random(HEX, 4) + "-" + random(HEX, 4) + "-"
				+ random(HEX, 12);
	}

	/** The text has a match of the type whose span is exactly the secret. */
	private void assertFound(String type, String secret, String text) {
		List<SecretMatch> matches = this.scanner.findSecrets(text);
		assertThat(matches).as(text).anySatisfy((match) -> {
			assertThat(match.type()).isEqualTo(type);
			assertThat(text.substring(match.start(), match.end())).isEqualTo(secret);
		});
	}

	/** Found in an assignment and bare in a sentence. */
	private void assertFoundAlone(String type, String secret) {
		assertFound(type, secret, "export TOKEN_VALUE=\"" + secret + "\"\n");
		assertFound(type, secret, "Here it is: " + secret + " (do not share).");
	}

	private void assertNotFound(String type, String text) {
		assertThat(this.scanner.findSecrets(text)).as(text).extracting(SecretMatch::type).doesNotContain(type);
	}

	@Test
	void alibabaAccessKeyIds() {
		assertFoundAlone("ALIBABA_ACCESS_KEY", "LTAI" + random(BASE62, 20));
		assertFoundAlone("ALIBABA_ACCESS_KEY", "LTAI" + random(BASE62, 12));
		assertNotFound("ALIBABA_ACCESS_KEY", "key " + "LTAI" + random(BASE62, 15) + " here");
		assertNotFound("ALIBABA_ACCESS_KEY", "key " + "LTAI" + "x".repeat(20));
		assertNotFound("ALIBABA_ACCESS_KEY", "key " + "LTAI" + "EXAMPLE" + random(BASE62, 13));
		assertNotFound("ALIBABA_ACCESS_KEY", "key " + "ltai" + random(BASE62, 20));
	}

	@Test
	void dynatraceTokens() {
		String token = "dt0c01." + random(UPPER_DIGITS, 24) + "." + random(UPPER_DIGITS, 64);
		assertFoundAlone("DYNATRACE_TOKEN", token);
		assertFoundAlone("DYNATRACE_TOKEN", "dt0s16." + random(UPPER_DIGITS, 24) + "." + random(UPPER_DIGITS, 64));
		assertNotFound("DYNATRACE_TOKEN", "dt0c01." + random(UPPER_DIGITS, 24) + "." + random(UPPER_DIGITS, 63));
		assertNotFound("DYNATRACE_TOKEN", "dt0c01." + random(LOWER_DIGITS, 24) + "." + random(LOWER_DIGITS, 64));
		assertNotFound("DYNATRACE_TOKEN", "dt0c01." + "X".repeat(24) + "." + "X".repeat(64));
	}

	@Test
	void yandexCloudKeysNeedContext() {
		String apiKey = "AQVN" + token(BASE64URL, 36);
		assertFound("YANDEX_KEY", apiKey, "YANDEX_API_KEY=" + apiKey);
		String secret = "YC" + token(BASE64URL, 38);
		assertFound("YANDEX_KEY", secret, "yc_secret_key: \"" + secret + "\"");
		String iam = "t1." + token(BASE64URL, 120) + "." + token(BASE64URL, 86);
		assertFound("YANDEX_KEY", iam, "Yandex IAM token: " + iam);
		// the longest token the pattern takes, 40 characters after the provider's name
		String longest = "t1." + token(BASE64URL, 300) + "==." + token(BASE64URL, 86) + "==";
		assertFound("YANDEX_KEY", longest, "yandex" + " ".repeat(39) + "=" + longest);
		assertNotFound("YANDEX_KEY", "api_key=" + apiKey);
		assertNotFound("YANDEX_KEY", "YANDEX_API_KEY=AQVN" + token(BASE64URL, 30));
	}

	@Test
	void packageRegistryTokens() {
		assertFoundAlone("CLOJARS_TOKEN", "CLOJARS_" + random(LOWER_DIGITS, 60));
		assertNotFound("CLOJARS_TOKEN", "CLOJARS_" + random(LOWER_DIGITS, 59));
		assertNotFound("CLOJARS_TOKEN", "CLOJARS_" + "0".repeat(60));
		assertFoundAlone("RUBYGEMS_API_KEY", "rubygems_" + random(HEX, 48));
		assertNotFound("RUBYGEMS_API_KEY", "rubygems_" + random(HEX, 47));
		assertNotFound("RUBYGEMS_API_KEY", "rubygems_" + random("GHIJKLMNOP", 48));
		assertFoundAlone("JFROG_TOKEN", "AKCp" + random(BASE62, 69));
		assertFoundAlone("JFROG_TOKEN", "cmVmdGtuOjAxOj" + random(BASE62, 50));
		assertNotFound("JFROG_TOKEN", "AKCp" + random(BASE62, 68));
		assertNotFound("JFROG_TOKEN", "AKCp" + "x".repeat(69));
		assertFoundAlone("PULUMI_TOKEN", "pul-" + random(HEX, 40));
		assertNotFound("PULUMI_TOKEN", "pul-" + random(HEX, 39));
		assertNotFound("PULUMI_TOKEN", "pul-" + "0".repeat(40));
	}

	@Test
	void harnessTokens() {
		String pat = "pat." + token(BASE64URL, 22) + "." + random(BASE62, 24) + "." + random(BASE62, 20);
		assertFoundAlone("HARNESS_TOKEN", pat);
		assertFoundAlone("HARNESS_TOKEN",
				"sat." + token(BASE64URL, 22) + "." + random(BASE62, 24) + "." + random(BASE62, 20));
		assertNotFound("HARNESS_TOKEN",
				"pat." + token(BASE64URL, 22) + "." + random(BASE62, 24) + "." + random(BASE62, 19));
		assertNotFound("HARNESS_TOKEN", "See U.S. Pat. No. 5,123,456 and pat.example.org for details.");
	}

	@Test
	void telegramBotTokens() {
		String token = random(DIGITS, 10) + ":AA" + random(BASE64URL, 33);
		assertFound("TELEGRAM_BOT_TOKEN", token, "TELEGRAM_BOT_TOKEN=" + token);
		assertFound("TELEGRAM_BOT_TOKEN", token, "My bot's token is " + token + ", keep it safe");
		String url = "https://api.telegram.org/bot" + token + "/getMe";
		assertFound("TELEGRAM_BOT_TOKEN", token, "curl " + url);
		assertNotFound("TELEGRAM_BOT_TOKEN", "The id was " + token + " at noon");
		assertNotFound("TELEGRAM_BOT_TOKEN", "bot: " + random(DIGITS, 10) + ":AB" + random(BASE64URL, 33));
		assertNotFound("TELEGRAM_BOT_TOKEN", "bot: " + random(DIGITS, 10) + ":AA" + random(BASE64URL, 32));
		assertNotFound("TELEGRAM_BOT_TOKEN", "bot: " + random(DIGITS, 10) + ":AA" + "x".repeat(33));
	}

	@Test
	void microsoftTeamsWebhooks() {
		String path = uuid() + "@" + uuid() + "/IncomingWebhook/" + random(HEX, 32) + "/" + uuid();
		String v2 = path + "/V2" + random(BASE64URL, 40);
		assertFound("TEAMS_WEBHOOK", v2, "TEAMS_URL=https://contoso.webhook.office.com/webhookb2/" + v2 + "\n");
		assertFound("TEAMS_WEBHOOK", path, "post to https://outlook.office.com/webhook/" + path + " please");
		String shortHex = uuid() + "@" + uuid() + "/IncomingWebhook/" + random(HEX, 31) + "/" + uuid();
		assertNotFound("TEAMS_WEBHOOK", "https://contoso.webhook.office.com/webhookb2/" + shortHex);
		assertNotFound("TEAMS_WEBHOOK", "https://example.org/hooks/" + path);
	}

	@Test
	void paymentKeys() {
		assertFoundAlone("FLUTTERWAVE_KEY", "FLWSECK_TEST-" + random(HEX, 32) + "-X");
		assertFoundAlone("FLUTTERWAVE_KEY", "FLWSECK-" + random(HEX, 32) + "-X");
		assertNotFound("FLUTTERWAVE_KEY", "FLWPUBK_TEST-" + random(HEX, 32) + "-X");
		assertNotFound("FLUTTERWAVE_KEY", "FLWSECK_TEST-" + random(HEX, 32));
		assertFoundAlone("SHIPPO_TOKEN", "shippo_live_" + random(HEX, 40));
		assertNotFound("SHIPPO_TOKEN", "shippo_live_" + random(HEX, 39));
		assertFoundAlone("DUFFEL_TOKEN", "duffel_test_" + random(BASE64URL, 43));
		assertNotFound("DUFFEL_TOKEN", "duffel_test_" + random(BASE62, 42));
		assertFoundAlone("EASYPOST_API_KEY", "EZAK" + random(BASE62, 54));
		assertFoundAlone("EASYPOST_API_KEY", "EZTK" + random(BASE62, 54));
		assertNotFound("EASYPOST_API_KEY", "EZAK" + random(BASE62, 53));
	}

	@Test
	void paymentKeysThatNeedContext() {
		String gocardless = "live_" + token(BASE64URL, 40);
		assertFound("GOCARDLESS_TOKEN", gocardless, "GOCARDLESS_ACCESS_TOKEN=" + gocardless);
		assertNotFound("GOCARDLESS_TOKEN", "access_token=" + gocardless);
		String lob = "test_" + random(HEX, 35);
		assertFound("LOB_API_KEY", lob, "LOB_API_KEY=" + lob);
		assertFound("LOB_API_KEY", lob, "Lob key: " + lob);
		assertNotFound("LOB_API_KEY", "global " + lob);
		assertNotFound("LOB_API_KEY", "LOB_API_KEY=test_" + random(HEX, 34));
	}

	@Test
	void cohereKeysNeedContext() {
		String key = random(BASE62, 40);
		assertFound("COHERE_API_KEY", key, "COHERE_API_KEY=" + key);
		assertFound("COHERE_API_KEY", key, "co = cohere.Client(\"" + key + "\")");
		assertNotFound("COHERE_API_KEY", "api_key=" + key);
		assertNotFound("COHERE_API_KEY", "COHERE_API_KEY=" + random(LOWER, 40));
		assertNotFound("COHERE_API_KEY", "COHERE_API_KEY=" + random(BASE62, 39));
	}

	@Test
	void prefixedServiceTokens() {
		assertFoundAlone("ADOBE_CLIENT_SECRET", "p8e-" + random(BASE62, 32));
		assertNotFound("ADOBE_CLIENT_SECRET", "p8e-" + random(BASE62, 31));
		assertFoundAlone("AIRTABLE_TOKEN", "pat" + random(BASE62, 14) + "." + random(HEX, 64));
		assertNotFound("AIRTABLE_TOKEN", "pat" + random(BASE62, 14) + "." + random(HEX, 63));
		assertFoundAlone("CONFLUENT_API_SECRET", "cflt" + token(BASE64, 60));
		assertNotFound("CONFLUENT_API_SECRET", "cflt" + token(BASE64, 59));
		assertFoundAlone("CONTENTFUL_TOKEN", "CFPAT-" + random(BASE64URL, 43));
		assertNotFound("CONTENTFUL_TOKEN", "CFPAT-" + random(BASE64URL, 42));
		assertFoundAlone("DEFINED_NETWORKING_TOKEN", "dnkey-" + random(BASE64URL, 26) + "-" + random(BASE64URL, 52));
		assertNotFound("DEFINED_NETWORKING_TOKEN", "dnkey-" + random(BASE62, 26) + "-" + random(BASE62, 51));
		assertFoundAlone("FRAMEIO_TOKEN", "fio-u-" + random(BASE64URL, 64));
		assertNotFound("FRAMEIO_TOKEN", "fio-u-" + random(BASE62, 63));
		assertFoundAlone("LINEAR_API_KEY", "lin_api_" + random(BASE62, 40));
		assertNotFound("LINEAR_API_KEY", "lin_api_" + random(BASE62, 39));
		assertFoundAlone("PREFECT_API_KEY", "pnu_" + random(BASE62, 36));
		assertNotFound("PREFECT_API_KEY", "pnu_" + random(BASE62, 35));
		assertFoundAlone("README_API_KEY", "rdme_" + random(LOWER_DIGITS, 70));
		assertNotFound("README_API_KEY", "rdme_" + random(LOWER_DIGITS, 69));
		assertFoundAlone("POSTMAN_API_KEY", "PMAK-" + random(HEX, 24) + "-" + random(HEX, 34));
		assertNotFound("POSTMAN_API_KEY", "PMAK-" + random(HEX, 24) + "-" + random(HEX, 33));
		assertFoundAlone("TYPEFORM_TOKEN", "tfp_" + random(BASE64URL, 58) + random(BASE62, 1));
		assertNotFound("TYPEFORM_TOKEN", "tfp_" + random(BASE62, 58));
	}

	@Test
	void dopplerTokens() {
		assertFoundAlone("DOPPLER_TOKEN", "dp.pt." + random(BASE62, 43));
		assertFoundAlone("DOPPLER_TOKEN", "dp.st.prd." + random(BASE62, 40));
		assertFoundAlone("DOPPLER_TOKEN", "dp.scim." + random(BASE62, 44));
		assertNotFound("DOPPLER_TOKEN", "dp.pt." + random(BASE62, 39));
		assertNotFound("DOPPLER_TOKEN", "dp.pt." + "x".repeat(43));
	}

	@Test
	void dropboxShortLivedTokens() {
		assertFoundAlone("DROPBOX_TOKEN", "sl." + token(BASE64URL, 138));
		assertFoundAlone("DROPBOX_TOKEN", "sl.u." + token(BASE64URL, 900));
		assertNotFound("DROPBOX_TOKEN", "sl." + token(BASE64URL, 100));
		assertNotFound("DROPBOX_TOKEN", "sl." + "A".repeat(140));
	}

	@Test
	void mapboxSecretTokensOnly() {
		String payload = "eyJ1Ijoi" + random(BASE64URL, 60);
		assertFoundAlone("MAPBOX_TOKEN", "sk." + payload + "." + random(BASE64URL, 22));
		assertNotFound("MAPBOX_TOKEN", "pk." + payload + "." + random(BASE64URL, 22));
		assertNotFound("MAPBOX_TOKEN", "sk." + payload);
	}

	@Test
	void newRelicKeys() {
		assertFoundAlone("NEW_RELIC_KEY", "NRAK-" + random(UPPER_DIGITS, 27));
		assertFoundAlone("NEW_RELIC_KEY", "NRII-" + random(BASE64URL, 32));
		assertFoundAlone("NEW_RELIC_KEY", "NRJS-" + random(HEX, 19));
		assertFoundAlone("NEW_RELIC_KEY", random(HEX, 36) + "NRAL");
		assertNotFound("NEW_RELIC_KEY", "NRAK-" + random(UPPER_DIGITS, 26));
		assertNotFound("NEW_RELIC_KEY", random(HEX, 35) + "NRAL");
	}

	@Test
	void planetScaleTokens() {
		assertFoundAlone("PLANETSCALE_TOKEN", "pscale_tkn_" + random(BASE64URL, 43));
		assertFoundAlone("PLANETSCALE_TOKEN", "pscale_pw_" + random(BASE64URL, 43));
		assertFoundAlone("PLANETSCALE_TOKEN", "pscale_oauth_" + random(BASE62, 40));
		assertNotFound("PLANETSCALE_TOKEN", "pscale_tkn_" + random(BASE64URL, 20));
		assertNotFound("PLANETSCALE_TOKEN", "pscale_pw_" + "x".repeat(43));
	}

	@Test
	void brevoKeys() {
		assertFoundAlone("BREVO_API_KEY", "xkeysib" + "-" + random(HEX, 64) + "-" + random(BASE62, 16));
		assertFoundAlone("BREVO_API_KEY", "xsmtpsib" + "-" + random(HEX, 64) + "-" + random(BASE62, 16));
		assertNotFound("BREVO_API_KEY", "xkeysib" + "-" + random(HEX, 64) + "-" + random(BASE62, 15));
	}

	@Test
	void keysNamedAfterTheirProvider() {
		String asana = "2/" + random(DIGITS, 16) + "/" + random(DIGITS, 16) + ":" + random(HEX, 32);
		assertFound("ASANA_TOKEN", asana, "ASANA_TOKEN=" + asana);
		// the longest token the pattern takes, 40 characters after the provider's name
		String longest = "2/" + random(DIGITS, 20) + "/" + random(DIGITS, 20) + ":" + random(HEX, 32);
		assertFound("ASANA_TOKEN", longest, "asana" + " ".repeat(39) + "=" + longest);
		assertNotFound("ASANA_TOKEN", "token=" + asana);
		String legacyConfluent = token(BASE64, 64);
		assertFound("CONFLUENT_API_SECRET", legacyConfluent, "CONFLUENT_API_SECRET=" + legacyConfluent);
		assertNotFound("CONFLUENT_API_SECRET", "value=" + legacyConfluent);
		String delivery = token(BASE64URL, 43);
		assertFound("CONTENTFUL_TOKEN", delivery, "CONTENTFUL_DELIVERY_TOKEN=" + delivery);
		assertNotFound("CONTENTFUL_TOKEN", "DELIVERY_TOKEN=" + delivery);
		String apiKey = random(HEX, 32);
		String appKey = random(HEX, 40);
		assertFound("DATADOG_KEY", apiKey, "DD_API_KEY=" + apiKey);
		assertFound("DATADOG_KEY", appKey, "datadog_app_key: \"" + appKey + "\"");
		assertFound("DATADOG_KEY", apiKey, "-H \"DD-API-KEY: " + apiKey + "\"");
		assertNotFound("DATADOG_KEY", "datadog-agent commit " + appKey);
		assertNotFound("DATADOG_KEY", "API_KEY=" + apiKey);
		String twilio = "SK" + random(HEX, 32);
		assertFound("TWILIO_KEY", twilio, "TWILIO_API_KEY=" + twilio);
		assertNotFound("TWILIO_KEY", "key " + twilio);
		String authToken = random(HEX, 32);
		assertFound("TWILIO_KEY", authToken, "TWILIO_AUTH_TOKEN=" + authToken);
		assertNotFound("TWILIO_KEY", "AUTH_TOKEN=" + authToken);
		String fastly = random(BASE62, 32);
		assertFound("FASTLY_API_TOKEN", fastly, "FASTLY_API_TOKEN=" + fastly);
		assertFound("FASTLY_API_TOKEN", fastly, "Fastly-Key: " + fastly);
		assertNotFound("FASTLY_API_TOKEN", "fastly service " + fastly);
		String netlify = random(BASE62, 43);
		assertFound("NETLIFY_TOKEN", netlify, "NETLIFY_AUTH_TOKEN=" + netlify);
		assertNotFound("NETLIFY_TOKEN", "AUTH_TOKEN=" + netlify);
		String travis = random(BASE62, 22);
		assertFound("TRAVIS_CI_TOKEN", travis, "TRAVIS_API_TOKEN=" + travis);
		assertNotFound("TRAVIS_CI_TOKEN", "TRAVIS_API_TOKEN=" + random(LOWER, 22));
		String zendesk = random(BASE62, 40);
		assertFound("ZENDESK_TOKEN", zendesk, "ZENDESK_API_TOKEN=" + zendesk);
		assertNotFound("ZENDESK_TOKEN", "ZENDESK_API_TOKEN=" + "your_api_token_here_0000000000000000000000");
	}

	@ParameterizedTest
	@ValueSource(strings = { "See U.S. Pat. No. 5,123,456; pat. pending.", "The global test_ suite ran twice.",
			"Our Telegram bot answers at 12:30 and 14:45.", "Use the cohere library with your API key.",
			"sl.no 42: the dsl.parse() call failed", "datadog_api_key: ${DD_API_KEY}",
			"TWILIO_ACCOUNT_SID=AC0123456789abcdef0123456789abcdef", "FASTLY_API_TOKEN=your-fastly-token-here",
			"pattern = path.resolve(patterns)", "The dt0c01 prefix marks an API token.",
			"Add an Incoming Webhook connector to the channel." })
	void ordinaryTextIsNotANewProviderSecret(String text) {
		assertThat(this.scanner.findSecrets(text)).as(text).isEmpty();
	}

}
