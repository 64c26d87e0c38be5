package dev.aisecurity.guard.secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The built-in secret rules. Patterns are written for this project from the published
 * formats of each provider's credentials (prefixes, alphabets, lengths, checksums); where
 * a format is too loose to stand alone, the rule needs a context keyword or an entropy
 * minimum.
 */
public final class SecretRules {

	private static final String B62 = "[A-Za-z0-9]";

	private static final String B64URL = "[A-Za-z0-9_-]";

	private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

	private SecretRules() {
	}

	/**
	 * Every built-in rule, most specific first.
	 */
	public static List<SecretRule> defaults() {
		return Defaults.RULES;
	}

	/** Built once: compiled patterns are immutable and thread-safe. */
	private static final class Defaults {

		static final List<SecretRule> RULES = build();

	}

	private static List<SecretRule> build() {
		List<SecretRule> rules = new ArrayList<>();
		cloud(rules);
		sourceControl(rules);
		chat(rules);
		payments(rules);
		aiProviders(rules);
		services(rules);
		moreServices(rules);
		structured(rules);
		generic(rules);
		return List.copyOf(rules);
	}

	/**
	 * The built-in rules without those whose ids are given.
	 */
	public static List<SecretRule> defaultsExcept(Collection<String> disabledIds) {
		Set<String> disabled = Set.copyOf(disabledIds);
		return defaults().stream().filter((rule) -> !disabled.contains(rule.id())).toList();
	}

	private static void cloud(List<SecretRule> rules) {
		// AWS access key ids: a four-letter kind prefix and 16 base32 characters
		rules.add(SecretRule.builder("aws-access-key", "AWS_ACCESS_KEY")
			.keywords("akia", "asia", "abia", "acca", "a3t")
			.anchored(true)
			.pattern("(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}")
			.minEntropy(3.0)
			.validator((key) -> !key.endsWith("EXAMPLE"))
			.window(24)
			.build());
		// Amazon Bedrock API keys: long-lived ones encode "BedrockAPIKey-", short-lived
		// ones carry the base64 of the Bedrock endpoint
		rules.add(SecretRule.builder("aws-bedrock-api-key", "AWS_BEDROCK_API_KEY")
			.keywords("absk")
			.anchored(true)
			.pattern("ABSKQmVkcm9ja0FQSUtleS[0-9A-Za-z+/]{100,300}={0,2}")
			.window(340)
			.build());
		rules.add(SecretRule.builder("aws-bedrock-short-lived-key", "AWS_BEDROCK_API_KEY")
			.keywords("bedrock-api-key-")
			.anchored(true)
			.pattern("bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=%&?._-]*")
			.window(2048)
			.build());
		// Google API keys: "AIza" and 35 characters. Published browser keys abound, so a
		// bare key needs a credential word nearby
		rules.add(SecretRule.builder("gcp-api-key", "GCP_API_KEY")
			.keywords("aiza")
			.pattern("(?i:key|api|token|secret|google|gcp|goog|firebase|maps|credential|auth)[^\\n]{0,40}?(AIza"
					+ B64URL + "{35})", 1)
			.minEntropy(3.5)
			.validator((key) -> !Entropy.hasAlphabetRun(key, 8))
			.window(100)
			.build());
		rules.add(SecretRule.builder("gcp-service-account", "GCP_SERVICE_ACCOUNT")
			.keywords("service_account")
			.pattern("\"type\"\\s*:\\s*\"service_account\"")
			.boundaries(false)
			.window(40)
			.build());
		rules.add(SecretRule.builder("gcp-private-key-id", "GCP_SERVICE_ACCOUNT")
			.keywords("private_key_id")
			.pattern("\"private_key_id\"\\s*:\\s*\"([a-f0-9]{40})\"", 1)
			.window(80)
			.build());
		// Microsoft Entra (Azure AD) client secrets: three characters, a digit, "Q~",
		// then 31 to 34 characters
		rules.add(SecretRule.builder("azure-client-secret", "AZURE_CLIENT_SECRET")
			.keywords("q~")
			.pattern("[a-zA-Z0-9_~.]{3}[0-9]Q~[a-zA-Z0-9_~.-]{31,34}")
			.minEntropy(3.5)
			.validator((secret) -> secret.indexOf('~', 6) < 0 || secret.chars().filter((c) -> c == '~').count() <= 3)
			.window(48)
			.build());
		// Azure storage account keys: 64 random bytes in base64
		rules.add(SecretRule.builder("azure-storage-key", "AZURE_STORAGE_KEY")
			.keywords("accountkey")
			.anchored(true)
			.pattern("(?i:AccountKey)\\s*=\\s*([A-Za-z0-9+/]{86}==)", 1)
			.minEntropy(4.0)
			.boundaries(false)
			.window(110)
			.build());
		// Azure DevOps personal access tokens (2024 format): 84 characters with the
		// "JQQJ99" key signature and the "AZDO" service signature
		rules.add(SecretRule.builder("azure-devops-pat", "AZURE_DEVOPS_PAT")
			.keywords("azdo")
			.pattern(B62 + "{52}JQQJ99" + B62 + "[A-C]" + B62 + "{16}AZDO" + B62 + "{4}")
			.window(90)
			.build());
		rules.add(SecretRule.builder("azure-identifiable-key", "AZURE_KEY")
			.keywords("jqqj99")
			.pattern(B62 + "{52}JQQJ99" + B62 + "{6,40}")
			.minEntropy(3.5)
			.window(100)
			.build());
		rules.add(SecretRule.builder("cloudflare-origin-ca-key", "CLOUDFLARE_ORIGIN_CA_KEY")
			.keywords("v1.0-")
			.anchored(true)
			.pattern("v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}")
			.window(180)
			.build());
		rules.add(SecretRule.builder("databricks-token", "DATABRICKS_TOKEN")
			.keywords("dapi")
			.anchored(true)
			.pattern("dapi[a-f0-9]{32}(?:-[0-9])?")
			.minEntropy(3.0)
			.window(40)
			.build());
		rules.add(SecretRule.builder("hashicorp-terraform-token", "TERRAFORM_TOKEN")
			.keywords("atlasv1")
			.pattern("[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}")
			.minEntropy(3.5)
			.window(100)
			.build());
		rules.add(SecretRule.builder("vault-token", "VAULT_TOKEN")
			.keywords("hvs.", "hvb.", "hvr.")
			.anchored(true)
			.pattern("hv[sbr]\\." + B64URL + "{90,400}")
			.minEntropy(3.5)
			.window(420)
			.build());
		rules.add(SecretRule.builder("digitalocean-token", "DIGITALOCEAN_TOKEN")
			.keywords("dop_v1_", "doo_v1_", "dor_v1_")
			.anchored(true)
			.pattern("do[opr]_v1_[a-f0-9]{64}")
			.minEntropy(3.0)
			.window(80)
			.build());
		rules.add(SecretRule.builder("flyio-token", "FLYIO_TOKEN")
			.keywords("fm1", "fm2", "fo1_")
			.anchored(true)
			.pattern("fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3}|fo1_[A-Za-z0-9_-]{43}")
			.minEntropy(3.5)
			.window(2048)
			.build());
		rules.add(SecretRule.builder("heroku-api-key", "HEROKU_API_KEY")
			.keywords("hrku-")
			.anchored(true)
			.pattern("HRKU-AA[0-9a-zA-Z_-]{58}")
			.minEntropy(3.5)
			.window(70)
			.build());
		rules.add(SecretRule.builder("openshift-token", "OPENSHIFT_TOKEN")
			.keywords("sha256~")
			.anchored(true)
			.pattern("sha256~[A-Za-z0-9_-]{43}")
			.minEntropy(3.8)
			.window(60)
			.build());
		rules.add(SecretRule.builder("scalingo-token", "SCALINGO_TOKEN")
			.keywords("tk-us-")
			.anchored(true)
			.pattern("tk-us-[A-Za-z0-9_-]{48}")
			.minEntropy(3.5)
			.window(60)
			.build());

		// Alibaba Cloud AccessKey ids: "LTAI" and 12 (older keys) or 20 letters and
		// digits
		rules.add(SecretRule.builder("alibaba-access-key-id", "ALIBABA_ACCESS_KEY")
			.keywords("ltai")
			.anchored(true)
			.pattern("LTAI" + B62 + "{12}(?:" + B62 + "{8})?")
			.minEntropy(3.0)
			.validator(SecretRules::notPlaceholder)
			.window(30)
			.build());
		// Dynatrace tokens: a type prefix (dt0c01 API tokens, dt0s.. platform and OAuth
		// tokens), a 24-character public id and a 64-character secret part
		rules.add(SecretRule.builder("dynatrace-token", "DYNATRACE_TOKEN")
			.keywords("dt0c", "dt0s")
			.anchored(true)
			.pattern("dt0[cs][0-9]{2}\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}")
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(100)
			.build());
		// Yandex Cloud API keys (AQVN...), static access key secrets (YC...) and IAM
		// tokens (t1....): only the IAM token's shape is distinctive, so all need
		// "yandex" or a yc_ name before them on the line; the window holds the longest
		// match (the name, 41 characters and a 394-character IAM token)
		rules.add(SecretRule.builder("yandex-cloud-key", "YANDEX_KEY")
			.keywords("yandex", "yc_")
			.pattern(after("yandex|\\byc_",
					"AQVN" + B64URL + "{35,38}|YC" + B64URL + "{38}|t1\\." + B64URL + "{10,300}={0,2}\\." + B64URL
							+ "{86}={0,2}"),
					1)
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(450)
			.build());
	}

	private static void sourceControl(List<SecretRule> rules) {
		rules.add(SecretRule.builder("github-token", "GITHUB_TOKEN")
			.keywords("ghp_", "gho_", "ghu_", "ghs_", "ghr_")
			.anchored(true)
			.pattern("gh[pousr]_" + B62 + "{36}")
			.minEntropy(3.5)
			.confirmation(Checksums::githubChecksum)
			.window(44)
			.build());
		rules.add(SecretRule.builder("github-fine-grained-token", "GITHUB_TOKEN")
			.keywords("github_pat_")
			.anchored(true)
			.pattern("github_pat_" + B62 + "{22}_" + B62 + "{59}")
			.minEntropy(3.5)
			.window(96)
			.build());
		rules.add(SecretRule.builder("gitlab-token", "GITLAB_TOKEN")
			.keywords("glpat-", "gldt-", "glrt-", "glptt-", "glft-", "glimt-", "glagent-", "glcbt-", "glsoat-",
					"gloas-", "glffct-")
			.anchored(true)
			.pattern("(?:glpat|gldt|glrt|glptt|glft|glimt|glagent|glcbt|glsoat|gloas|glffct)-[A-Za-z0-9_.-]{20,300}")
			.minEntropy(3.3)
			.window(320)
			.build());
		rules.add(SecretRule.builder("gitlab-runner-registration-token", "GITLAB_TOKEN")
			.keywords("gr1348941")
			.anchored(true)
			.pattern("GR1348941[A-Za-z0-9_-]{20}")
			.minEntropy(3.3)
			.window(40)
			.build());
		rules.add(SecretRule.builder("bitbucket-app-password", "BITBUCKET_TOKEN")
			.keywords("atbb")
			.anchored(true)
			.pattern("ATBB[A-Za-z0-9_=.-]{32,}")
			.minEntropy(3.5)
			.window(120)
			.build());
		rules.add(SecretRule.builder("atlassian-api-token", "ATLASSIAN_API_TOKEN")
			.keywords("atatt3")
			.anchored(true)
			.pattern("ATATT3[A-Za-z0-9_=-]{150,250}")
			.minEntropy(3.5)
			.window(260)
			.build());
		rules.add(SecretRule.builder("npm-token", "NPM_TOKEN")
			.keywords("npm_")
			.anchored(true)
			.pattern("npm_" + B62 + "{36}")
			.minEntropy(3.5)
			.confirmation(Checksums::githubChecksum)
			.window(44)
			.build());
		rules.add(SecretRule.builder("pypi-token", "PYPI_TOKEN")
			.keywords("pypi-ageichlwas5vcmc")
			.anchored(true)
			.pattern("pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}")
			.window(400)
			.build());
		rules.add(SecretRule.builder("sourcegraph-token", "SOURCEGRAPH_TOKEN")
			.keywords("sgp_")
			.anchored(true)
			.pattern("sgp_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}")
			.minEntropy(3.0)
			.validator((token) -> !Entropy.hasRepeat(token, 5))
			.window(70)
			.build());

		rules.add(SecretRule.builder("clojars-token", "CLOJARS_TOKEN")
			.keywords("clojars_")
			.anchored(true)
			.pattern("CLOJARS_" + B62 + "{60}")
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(70)
			.build());
		rules.add(SecretRule.builder("rubygems-api-key", "RUBYGEMS_API_KEY")
			.keywords("rubygems_")
			.anchored(true)
			.pattern("rubygems_[a-f0-9]{48}")
			.minEntropy(3.3)
			.validator(SecretRules::notPlaceholder)
			.window(60)
			.build());
		// JFrog Artifactory API keys ("AKCp" and 69 letters and digits) and reference
		// tokens (the base64 of "reftkn:01:", 64 characters in all)
		rules.add(SecretRule.builder("jfrog-token", "JFROG_TOKEN")
			.keywords("akcp", "cmvmdgtuojaxoj")
			.anchored(true)
			.pattern("AKCp" + B62 + "{69}|cmVmdGtuOjAxOj" + B62 + "{50}")
			.minEntropy(4.0)
			.validator(SecretRules::notPlaceholder)
			.window(80)
			.build());
		// Harness personal and service account tokens: pat|sat, the 22-character account
		// id, a 24-character token id and a 20-character secret
		rules.add(SecretRule.builder("harness-token", "HARNESS_TOKEN")
			.keywords("pat.", "sat.")
			.anchored(true)
			.pattern("(?:pat|sat)\\." + B64URL + "{22}\\." + B62 + "{24}\\." + B62 + "{20}")
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(80)
			.build());
		rules.add(SecretRule.builder("pulumi-token", "PULUMI_TOKEN")
			.keywords("pul-")
			.anchored(true)
			.pattern("pul-[a-f0-9]{40}")
			.minEntropy(3.0)
			.validator(SecretRules::notPlaceholder)
			.window(50)
			.build());
	}

	private static void chat(List<SecretRule> rules) {
		rules.add(SecretRule.builder("slack-bot-token", "SLACK_TOKEN")
			.keywords("xoxb-")
			.anchored(true)
			.pattern("xoxb-[0-9]{8,14}-(?:[0-9]{8,14}-)?" + B62 + "{18,34}")
			.minEntropy(3.0)
			.window(80)
			.build());
		rules.add(SecretRule.builder("slack-user-token", "SLACK_TOKEN")
			.keywords("xoxp-", "xoxe-", "xoxs-", "xoxa-", "xoxo-", "xoxr-")
			.anchored(true)
			.pattern("xox[pesaor]-[0-9]{1,14}(?:-[0-9]{6,14}){2,3}-[a-zA-Z0-9]{8,64}")
			.minEntropy(2.5)
			.window(120)
			.build());
		rules.add(SecretRule.builder("slack-config-token", "SLACK_TOKEN")
			.keywords("xoxe.xox", "xoxe-")
			.anchored(true)
			.pattern("xoxe(?:\\.xox[bp])?-[0-9]-[A-Za-z0-9]{100,300}")
			.minEntropy(3.5)
			.window(320)
			.build());
		rules.add(SecretRule.builder("slack-app-token", "SLACK_TOKEN")
			.keywords("xapp-")
			.anchored(true)
			.pattern("xapp-[0-9]-[A-Z0-9]{8,14}-[0-9]{8,16}-[a-z0-9]{32,80}")
			.minEntropy(3.0)
			.window(140)
			.build());
		rules.add(SecretRule.builder("slack-webhook", "SLACK_WEBHOOK")
			.keywords("hooks.slack.com")
			.anchored(true)
			.pattern("hooks\\.slack\\.com/(?:services|workflows|triggers)/([A-Za-z0-9+/]{40,120})", 1)
			.minEntropy(3.5)
			.window(160)
			.build());
		rules.add(SecretRule.builder("discord-webhook", "DISCORD_WEBHOOK")
			.keywords("discord.com/api/webhooks", "discordapp.com/api/webhooks")
			.anchored(true)
			.pattern("discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/([A-Za-z0-9_-]{60,80})", 1)
			.window(140)
			.build());

		// Telegram bot tokens: the bot's numeric id, a colon and 35 characters starting
		// with "AA"; a colon after digits is common, so a bot or telegram word must come
		// first on the line
		rules.add(SecretRule.builder("telegram-bot-token", "TELEGRAM_BOT_TOKEN")
			.keywords("telegram", "bot", "tg_")
			.pattern(after("telegram|bot|\\btg_", "[0-9]{5,16}:AA" + B64URL + "{33}"), 1)
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(120)
			.build());
		// in a Bot API address the token follows "bot" without a break
		rules.add(SecretRule.builder("telegram-bot-token-url", "TELEGRAM_BOT_TOKEN")
			.keywords("telegram.org/")
			.pattern("telegram\\.org/(?:file/)?bot([0-9]{5,16}:" + B64URL + "{35})(?:[^A-Za-z0-9_-]|$)", 1)
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.boundaries(false)
			.window(80)
			.build());
		// Microsoft Teams incoming webhooks: group and tenant ids, then IncomingWebhook/,
		// 32 hex digits, the owner id and, in newer ones, one more signed segment
		rules.add(SecretRule.builder("microsoft-teams-webhook", "TEAMS_WEBHOOK")
			.keywords("incomingwebhook/")
			.pattern("(?:webhook\\.office\\.com/webhookb2|outlook\\.office(?:365)?\\.com/webhook)/(" + UUID + "@" + UUID
					+ "/IncomingWebhook/[0-9a-fA-F]{32}/" + UUID + "(?:/" + B64URL + "{20,100})?)", 1)
			.minEntropy(3.0)
			.window(250)
			.build());
	}

	private static void payments(List<SecretRule> rules) {
		rules.add(SecretRule.builder("stripe-key", "STRIPE_KEY")
			.keywords("sk_live_", "sk_test_", "sk_prod_", "rk_live_", "rk_test_", "rk_prod_")
			.anchored(true)
			.pattern("[sr]k_(?:live|test|prod)_" + B62 + "{24,247}")
			.minEntropy(3.5)
			.window(260)
			.build());
		rules.add(SecretRule.builder("stripe-webhook-secret", "STRIPE_KEY")
			.keywords("whsec_")
			.anchored(true)
			.pattern("whsec_" + B62 + "{32,}")
			.minEntropy(3.5)
			.window(100)
			.build());
		rules.add(SecretRule.builder("square-token", "SQUARE_TOKEN")
			.keywords("sq0atp-", "sq0csp-", "eaaa")
			.anchored(true)
			.pattern("sq0atp-[0-9A-Za-z_-]{22}|sq0csp-[0-9A-Za-z_-]{43}|EAAA[A-Za-z0-9_-]{60}")
			.minEntropy(3.5)
			.window(70)
			.build());
		rules.add(SecretRule.builder("shopify-token", "SHOPIFY_TOKEN")
			.keywords("shpat_", "shpca_", "shppa_", "shpss_")
			.anchored(true)
			.pattern("shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}")
			.minEntropy(3.0)
			.window(40)
			.build());

		// Flutterwave secret keys; public keys (FLWPUBK) are meant to be published
		rules.add(SecretRule.builder("flutterwave-secret-key", "FLUTTERWAVE_KEY")
			.keywords("flwseck")
			.anchored(true)
			.pattern("FLWSECK(?:_TEST)?-[a-z0-9]{32}-X")
			.minEntropy(3.0)
			.validator(SecretRules::notPlaceholder)
			.window(60)
			.build());
		// GoCardless access tokens: live_ or sandbox_ and 40 characters, too plain to
		// stand alone, so "gocardless" must come first on the line
		rules.add(SecretRule.builder("gocardless-token", "GOCARDLESS_TOKEN")
			.keywords("gocardless")
			.pattern(after("gocardless", "(?:live|sandbox)_[A-Za-z0-9_=-]{40}"), 1)
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(120)
			.build());
		// Lob secret keys: live_ or test_ and 35 hex digits, with "lob" first on the
		// line;
		// publishable keys (live_pub_, test_pub_) are left out
		rules.add(SecretRule.builder("lob-api-key", "LOB_API_KEY")
			.keywords("lob")
			.pattern(after("\\blob(?:\\b|_)", "(?:live|test)_[a-f0-9]{35}"), 1)
			.minEntropy(3.3)
			.validator(SecretRules::notPlaceholder)
			.window(100)
			.build());
		rules.add(SecretRule.builder("shippo-token", "SHIPPO_TOKEN")
			.keywords("shippo_live_", "shippo_test_")
			.anchored(true)
			.pattern("shippo_(?:live|test)_[a-f0-9]{40}")
			.minEntropy(3.3)
			.validator(SecretRules::notPlaceholder)
			.window(60)
			.build());
		rules.add(SecretRule.builder("duffel-token", "DUFFEL_TOKEN")
			.keywords("duffel_live_", "duffel_test_")
			.anchored(true)
			.pattern("duffel_(?:live|test)_[A-Za-z0-9_=-]{43}")
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(60)
			.build());
		// EasyPost production (EZAK) and test (EZTK) keys
		rules.add(SecretRule.builder("easypost-api-key", "EASYPOST_API_KEY")
			.keywords("ezak", "eztk")
			.anchored(true)
			.pattern("EZ[AT]K" + B62 + "{54}")
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(60)
			.build());
	}

	private static void aiProviders(List<SecretRule> rules) {
		// OpenAI keys carry the base64 of "OpenAI" in the middle
		rules.add(SecretRule.builder("openai-api-key", "OPENAI_API_KEY")
			.keywords("sk-")
			.anchored(true)
			.pattern("sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}")
			.minEntropy(3.5)
			.window(400)
			.build());
		rules.add(SecretRule.builder("openai-project-key", "OPENAI_API_KEY")
			.keywords("sk-proj-", "sk-svcacct-", "sk-admin-")
			.anchored(true)
			.pattern("sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}")
			.minEntropy(4.0)
			.window(270)
			.build());
		// Anthropic keys: 93 characters after the kind prefix, ending in "AA"
		rules.add(SecretRule.builder("anthropic-api-key", "ANTHROPIC_API_KEY")
			.keywords("sk-ant-")
			.anchored(true)
			.pattern("sk-ant-(?:api|admin|oat|sid)[0-9]{2}-[A-Za-z0-9_-]{93}AA")
			.minEntropy(3.5)
			.window(130)
			.build());
		rules.add(SecretRule.builder("huggingface-token", "HUGGINGFACE_TOKEN")
			.keywords("hf_", "api_org_")
			.anchored(true)
			.pattern("(?:hf_|api_org_)[A-Za-z]{34}")
			.minEntropy(3.5)
			.window(50)
			.build());
		rules.add(SecretRule.builder("perplexity-api-key", "PERPLEXITY_API_KEY")
			.keywords("pplx-")
			.anchored(true)
			.pattern("pplx-" + B62 + "{48}")
			.minEntropy(3.5)
			.window(60)
			.build());
		rules.add(SecretRule.builder("groq-api-key", "GROQ_API_KEY")
			.keywords("gsk_")
			.anchored(true)
			.pattern("gsk_" + B62 + "{52}")
			.minEntropy(3.5)
			.window(60)
			.build());
		rules.add(SecretRule.builder("replicate-token", "REPLICATE_TOKEN")
			.keywords("r8_")
			.anchored(true)
			.pattern("r8_" + B62 + "{37}")
			.minEntropy(3.5)
			.window(45)
			.build());
		rules.add(SecretRule.builder("xai-api-key", "XAI_API_KEY")
			.keywords("xai-")
			.anchored(true)
			.pattern("xai-" + B62 + "{80}")
			.minEntropy(3.5)
			.window(90)
			.build());

		// Cohere API keys: 40 letters and digits without a prefix, so a cohere word must
		// come first on the line
		rules.add(SecretRule.builder("cohere-api-key", "COHERE_API_KEY")
			.keywords("cohere", "co_api_key")
			.pattern(after("cohere|\\bco_api_key", B62 + "{40}"), 1)
			.minEntropy(4.0)
			.validator(SecretRules::isMixedRandom)
			.window(100)
			.build());
	}

	private static void services(List<SecretRule> rules) {
		rules.add(SecretRule.builder("onepassword-secret-key", "ONEPASSWORD_SECRET_KEY")
			.keywords("a3-")
			.anchored(true)
			.pattern("A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}")
			.minEntropy(3.5)
			.window(50)
			.build());
		rules.add(SecretRule.builder("onepassword-service-token", "ONEPASSWORD_TOKEN")
			.keywords("ops_eyj")
			.anchored(true)
			.pattern("ops_eyJ[A-Za-z0-9+/]{250,}={0,3}")
			.minEntropy(4.0)
			.window(2048)
			.build());
		rules.add(SecretRule.builder("age-secret-key", "AGE_SECRET_KEY")
			.keywords("age-secret-key-1")
			.anchored(true)
			.pattern("AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}")
			.window(80)
			.build());
		rules.add(SecretRule.builder("clickhouse-cloud-key", "CLICKHOUSE_KEY")
			.keywords("4b1d")
			.anchored(true)
			.pattern("4b1d" + B62 + "{38}")
			.minEntropy(3.5)
			.window(50)
			.build());
		rules.add(SecretRule.builder("grafana-token", "GRAFANA_TOKEN")
			.keywords("glc_", "glsa_", "eyjrijoi")
			.anchored(true)
			.pattern("glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_" + B62
					+ "{32}_[A-Fa-f0-9]{8}|eyJrIjoi[A-Za-z0-9]{70,400}={0,2}")
			.minEntropy(3.5)
			.window(420)
			.build());
		rules.add(SecretRule.builder("infracost-token", "INFRACOST_TOKEN")
			.keywords("ico-")
			.anchored(true)
			.pattern("ico-" + B62 + "{32}")
			.minEntropy(3.5)
			.window(40)
			.build());
		rules.add(SecretRule.builder("intra42-secret", "INTRA42_SECRET")
			.keywords("s-s4t2")
			.anchored(true)
			.pattern("s-s4t2(?:ud|af)-[a-f0-9]{64}")
			.window(80)
			.build());
		rules.add(SecretRule.builder("mailchimp-api-key", "MAILCHIMP_API_KEY")
			.keywords("-us")
			.pattern("[a-f0-9]{32}-us[0-9]{1,2}")
			.minEntropy(3.0)
			.window(40)
			.build());
		rules.add(SecretRule.builder("mailgun-api-key", "MAILGUN_API_KEY")
			.keywords("key-")
			.anchored(true)
			.pattern("key-[a-f0-9]{32}")
			.minEntropy(3.0)
			.window(40)
			.build());
		rules.add(SecretRule.builder("sendgrid-api-key", "SENDGRID_API_KEY")
			.keywords("sg.")
			.anchored(true)
			.pattern("SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}")
			.minEntropy(3.5)
			.window(75)
			.build());
		rules.add(SecretRule.builder("maxmind-license-key", "MAXMIND_LICENSE_KEY")
			.keywords("_mmk")
			.pattern(B62 + "{6}_" + B62 + "{29}_mmk")
			.minEntropy(3.5)
			.window(45)
			.build());
		rules.add(SecretRule.builder("notion-token", "NOTION_TOKEN")
			.keywords("ntn_", "secret_")
			.anchored(true)
			.pattern("ntn_[0-9]{11}" + B62 + "{35}|secret_" + B62 + "{43}")
			.minEntropy(3.5)
			.validator((token) -> !token.startsWith("secret_") || Entropy.classes(token)[2] > 0)
			.window(60)
			.build());
		rules.add(SecretRule.builder("octopus-deploy-api-key", "OCTOPUS_DEPLOY_API_KEY")
			.keywords("api-")
			.anchored(true)
			.pattern("API-[A-Z0-9]{26}")
			.minEntropy(3.5)
			.window(32)
			.build());
		rules.add(SecretRule.builder("sentry-token", "SENTRY_TOKEN")
			.keywords("sntrys_", "sntryu_")
			.anchored(true)
			.pattern("sntrys_eyJpYXQiO[A-Za-z0-9+/=]{50,500}_[A-Za-z0-9+/=]{40,50}|sntryu_[a-f0-9]{64}")
			.minEntropy(3.5)
			.window(600)
			.build());
		rules.add(SecretRule.builder("sidekiq-secret", "SIDEKIQ_SECRET")
			.keywords("contribsys")
			.pattern(
					"(?i:BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM)[\"']?\\s*[:=]\\s*[\"']?([a-f0-9]{8}:[a-f0-9]{8})",
					1)
			.window(80)
			.build());
		rules.add(SecretRule.builder("sumologic-access-id", "SUMOLOGIC_ACCESS_ID")
			.keywords("sumo")
			.anchored(true)
			.pattern("(?i:sumo[a-z_.-]{0,10}access_?id)[\"']?\\s*[:=]\\s*[\"']?(su[A-Za-z0-9]{12})", 1)
			.minEntropy(3.0)
			.window(60)
			.build());
		rules.add(SecretRule.builder("facebook-token", "FACEBOOK_TOKEN")
			.keywords("eaa")
			.anchored(true)
			.pattern("EAA[A-Za-z0-9]{90,400}")
			.minEntropy(3.5)
			.window(420)
			.build());
		rules.add(SecretRule.builder("facebook-app-token", "FACEBOOK_TOKEN")
			.keywords("|")
			.pattern("[0-9]{15,16}\\|[0-9A-Za-z_-]{27}")
			// chat-template markers such as <|im_start|> are common: search only around
			// a bar with the app id's digits before it and the token after it
			.hitCheck(SecretRules::facebookAppTokenAround)
			.minEntropy(3.5)
			.window(50)
			.build());
	}

	private static void moreServices(List<SecretRule> rules) {
		rules.add(SecretRule.builder("adobe-client-secret", "ADOBE_CLIENT_SECRET")
			.keywords("p8e-")
			.anchored(true)
			.pattern("p8e-" + B62 + "{32}")
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(40)
			.build());
		// Airtable personal access tokens: "pat", a 14-character id, a dot and 64 hex
		// digits
		rules.add(SecretRule.builder("airtable-token", "AIRTABLE_TOKEN")
			.keywords("pat")
			.anchored(true)
			.pattern("pat" + B62 + "{14}\\.[a-f0-9]{64}")
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(90)
			.build());
		// Asana personal access tokens: a version digit, the user's (and in version 2 the
		// app's) numeric id and 32 hex digits; legacy ones are "0/" and 32 hex digits.
		// The window holds the longest match (the name, 41 characters, 76 of token)
		rules.add(SecretRule.builder("asana-token", "ASANA_TOKEN")
			.keywords("asana")
			.pattern(after("asana", "[12]/[0-9]{10,20}(?:/[0-9]{10,20})?:[a-f0-9]{32}|0/[a-f0-9]{32}"), 1)
			.minEntropy(3.0)
			.validator(SecretRules::notPlaceholder)
			.window(130)
			.build());
		// Confluent Cloud API secrets since July 2025: "cflt" and 60 base64 characters
		// (the last six a checksum)
		rules.add(SecretRule.builder("confluent-api-secret", "CONFLUENT_API_SECRET")
			.keywords("cflt")
			.anchored(true)
			.pattern("cflt[A-Za-z0-9+/]{60}")
			.minEntropy(4.0)
			.validator(SecretRules::notPlaceholder)
			.window(70)
			.build());
		// older secrets are 64 base64 characters: only with a confluent word first
		rules.add(SecretRule.builder("confluent-api-secret-legacy", "CONFLUENT_API_SECRET")
			.keywords("confluent", "ccloud")
			.pattern("(?i:confluent|ccloud)[^\\n]{0,40}?(?:^|[^A-Za-z0-9+/])([A-Za-z0-9+/]{64})(?:[^A-Za-z0-9+/=]|$)",
					1)
			.minEntropy(4.5)
			.validator(SecretRules::isMixedRandom)
			.window(120)
			.build());
		// Contentful management tokens (CFPAT-) stand alone; delivery and preview tokens
		// are 43 plain characters, so they need "contentful" first on the line
		rules.add(SecretRule.builder("contentful-token", "CONTENTFUL_TOKEN")
			.keywords("cfpat-")
			.anchored(true)
			.pattern("CFPAT-" + B64URL + "{43}")
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(60)
			.build());
		rules.add(SecretRule.builder("contentful-delivery-token", "CONTENTFUL_TOKEN")
			.keywords("contentful")
			.pattern(after("contentful", B64URL + "{43}"), 1)
			.minEntropy(4.0)
			.validator(SecretRules::isMixedRandom)
			.window(100)
			.build());
		// Datadog API keys (32 hex digits) and application keys (40): plain hex, so only
		// as the value of a datadog or DD_ key name
		rules.add(SecretRule.builder("datadog-key", "DATADOG_KEY")
			.keywords("datadog", "dd_api", "dd-api", "dd_app", "dd-app")
			.pattern(assigned("(?:datadog[\\w.-]{0,20}?|\\bdd[_-])(?:api|app|application)[_.-]?key",
					"[a-f0-9]{40}|[a-f0-9]{32}"), 1)
			.minEntropy(3.0)
			.validator(SecretRules::isMixedRandom)
			.window(100)
			.build());
		rules.add(SecretRule.builder("defined-networking-token", "DEFINED_NETWORKING_TOKEN")
			.keywords("dnkey-")
			.anchored(true)
			.pattern("dnkey-[A-Za-z0-9=_-]{26}-[A-Za-z0-9=_-]{52}")
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(90)
			.build());
		// Doppler personal, CLI, service (with the config's name), service account, SCIM
		// and audit tokens
		rules.add(SecretRule.builder("doppler-token", "DOPPLER_TOKEN")
			.keywords("dp.pt.", "dp.ct.", "dp.st.", "dp.sa.", "dp.scim.", "dp.audit.")
			.anchored(true)
			.pattern("dp\\.(?:pt|ct|sa|scim|audit|st(?:\\.[a-z0-9_-]{2,35})?)\\." + B62 + "{40,44}")
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(100)
			.build());
		// Dropbox short-lived access tokens: "sl." (newer ones "sl.u.") and a long
		// base64url body
		rules.add(SecretRule.builder("dropbox-token", "DROPBOX_TOKEN")
			.keywords("sl.")
			.anchored(true)
			.pattern("sl\\.(?:u\\.)?[A-Za-z0-9_=-]{130,}")
			.minEntropy(4.5)
			.validator(SecretRules::isMixedRandom)
			.window(2048)
			.build());
		rules.add(SecretRule.builder("frameio-token", "FRAMEIO_TOKEN")
			.keywords("fio-u-")
			.anchored(true)
			.pattern("fio-u-[A-Za-z0-9_=-]{64}")
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(80)
			.build());
		rules.add(SecretRule.builder("linear-api-key", "LINEAR_API_KEY")
			.keywords("lin_api_")
			.anchored(true)
			.pattern("lin_api_" + B62 + "{40}")
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(50)
			.build());
		// Mapbox secret tokens: "sk." and a signed base64url JSON payload; public (pk.)
		// tokens are meant for browsers
		rules.add(SecretRule.builder("mapbox-secret-token", "MAPBOX_TOKEN")
			.keywords("sk.eyj")
			.anchored(true)
			.pattern("sk\\.eyJ" + B64URL + "{20,400}\\." + B64URL + "{20,64}")
			.minEntropy(4.0)
			.validator(SecretRules::notPlaceholder)
			.window(480)
			.build());
		// New Relic user keys (NRAK-), Insights insert keys (NRII-), browser keys (NRJS-)
		// and license keys (36 hex digits ending in NRAL)
		rules.add(SecretRule.builder("new-relic-key", "NEW_RELIC_KEY")
			.keywords("nrak-", "nrii-", "nrjs-")
			.anchored(true)
			.pattern("NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9_-]{32}|NRJS-[a-f0-9]{19}")
			.minEntropy(3.0)
			.validator(SecretRules::notPlaceholder)
			.window(40)
			.build());
		rules.add(SecretRule.builder("new-relic-license-key", "NEW_RELIC_KEY")
			.keywords("nral")
			.pattern("[a-f0-9]{36}NRAL")
			.minEntropy(3.0)
			.validator(SecretRules::notPlaceholder)
			.window(45)
			.build());
		rules.add(SecretRule.builder("planetscale-token", "PLANETSCALE_TOKEN")
			.keywords("pscale_tkn_", "pscale_oauth_", "pscale_pw_")
			.anchored(true)
			.pattern("pscale_(?:tkn|oauth|pw)_[A-Za-z0-9_=.-]{31,63}[A-Za-z0-9_=-]")
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(80)
			.build());
		rules.add(SecretRule.builder("postman-api-key", "POSTMAN_API_KEY")
			.keywords("pmak-")
			.anchored(true)
			.pattern("PMAK-[a-f0-9]{24}-[a-f0-9]{34}")
			.minEntropy(3.3)
			.validator(SecretRules::notPlaceholder)
			.window(70)
			.build());
		rules.add(SecretRule.builder("prefect-api-key", "PREFECT_API_KEY")
			.keywords("pnu_")
			.anchored(true)
			.pattern("pnu_" + B62 + "{36}")
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(50)
			.build());
		rules.add(SecretRule.builder("readme-api-key", "README_API_KEY")
			.keywords("rdme_")
			.anchored(true)
			.pattern("rdme_[a-z0-9]{70}")
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(80)
			.build());
		// Brevo (formerly Sendinblue) API keys (xkeysib-) and SMTP keys (xsmtpsib-)
		rules.add(SecretRule.builder("brevo-api-key", "BREVO_API_KEY")
			.keywords("xkeysib-", "xsmtpsib-")
			.anchored(true)
			.pattern("x(?:keysib|smtpsib)-[a-f0-9]{64}-" + B62 + "{16}")
			.minEntropy(3.3)
			.validator(SecretRules::notPlaceholder)
			.window(100)
			.build());
		rules.add(SecretRule.builder("typeform-token", "TYPEFORM_TOKEN")
			.keywords("tfp_")
			.anchored(true)
			.pattern("tfp_[A-Za-z0-9_.=-]{58}[A-Za-z0-9_=-]")
			.minEntropy(3.5)
			.validator(SecretRules::notPlaceholder)
			.window(70)
			.build());
		// Twilio API key SIDs (SK and 32 hex digits) with "twilio" first on the line,
		// and auth tokens (32 hex digits) assigned to a twilio auth token name; account
		// SIDs (AC...) identify, they do not authenticate
		rules.add(SecretRule.builder("twilio-api-key", "TWILIO_KEY")
			.keywords("twilio")
			.pattern(after("twilio", "SK[0-9a-fA-F]{32}"), 1)
			.minEntropy(3.0)
			.validator(SecretRules::notPlaceholder)
			.window(100)
			.build());
		rules.add(SecretRule.builder("twilio-auth-token", "TWILIO_KEY")
			.keywords("twilio")
			.pattern(assigned("twilio[\\w.-]{0,20}?auth[_.-]?token", "[a-f0-9]{32}"), 1)
			.minEntropy(3.0)
			.validator(SecretRules::isMixedRandom)
			.window(100)
			.build());
		// keys with no format of their own: only as the value of a name with the
		// provider's name in it (FASTLY_API_TOKEN=..., Fastly-Key: ...)
		rules.add(SecretRule.builder("fastly-api-token", "FASTLY_API_TOKEN")
			.keywords("fastly")
			.pattern(assigned("fastly[\\w.-]{0,20}?(?:key|token)", B64URL + "{32}"), 1)
			.minEntropy(3.5)
			.validator(SecretRules::isMixedRandom)
			.window(100)
			.build());
		rules.add(SecretRule.builder("netlify-token", "NETLIFY_TOKEN")
			.keywords("netlify")
			.pattern(assigned("netlify[\\w.-]{0,20}?(?:key|token)", B64URL + "{40,46}"), 1)
			.minEntropy(3.5)
			.validator(SecretRules::isMixedRandom)
			.window(100)
			.build());
		rules.add(SecretRule.builder("travis-ci-token", "TRAVIS_CI_TOKEN")
			.keywords("travis")
			.pattern(assigned("travis[\\w.-]{0,20}?(?:key|token)", B62 + "{22}"), 1)
			.minEntropy(3.5)
			.validator(SecretRules::isMixedRandom)
			.window(100)
			.build());
		rules.add(SecretRule.builder("zendesk-token", "ZENDESK_TOKEN")
			.keywords("zendesk")
			.pattern(assigned("zendesk[\\w.-]{0,20}?(?:key|token)", B62 + "{40}"), 1)
			.minEntropy(3.5)
			.validator(SecretRules::isMixedRandom)
			.window(100)
			.build());
	}

	private static void structured(List<SecretRule> rules) {
		rules.add(SecretRule.builder("private-key", "PRIVATE_KEY")
			.keywords("-----begin")
			.detector(new PemKeyDetector())
			.boundaries(false)
			.build());
		rules.add(
				SecretRule.builder("jwt", "JWT").keywords("eyj").detector(new JwtDetector()).boundaries(false).build());
		rules.add(SecretRule.builder("url-credentials", "URL_CREDENTIALS")
			.keywords("://")
			.detector(new UrlCredentialsDetector())
			.boundaries(false)
			.build());
		rules.add(SecretRule.builder("authorization-header", "AUTHORIZATION_HEADER")
			.keywords("authorization")
			.anchored(true)
			.pattern(
					"(?i:authorization)[\"']?\\s*[:=]\\s*[\"']?(?:(?i:bearer|token|api-token|apikey|basic|digest)\\s+)?([A-Za-z0-9._~+/=!@#%^*-]{8,})",
					1)
			.validator(SecretRules::isAuthorizationValue)
			.boundaries(false)
			.window(1100)
			.build());
		rules.add(SecretRule.builder("nuget-cleartext-password", "PASSWORD")
			.keywords("password\"")
			.pattern("(?i:<add\\s+key\\s*=\\s*\"(?:ClearText)?Password\"\\s+value\\s*=\\s*\")([^\"\\n]{1,256})\"", 1)
			.validator(SecretValues::isLikelyPassword)
			.boundaries(false)
			.window(300)
			.build());
		rules.add(SecretRule.builder("kubernetes-secret", "KUBERNETES_SECRET")
			.keywords("kind")
			.detector(new KubernetesSecretDetector())
			.boundaries(false)
			.build());
		rules.add(SecretRule.builder("cli-credentials", "PASSWORD")
			.keywords(CurlUserDetector.KEYWORDS)
			.detector(new CurlUserDetector())
			.boundaries(false)
			.build());
	}

	private static void generic(List<SecretRule> rules) {
		rules.add(SecretRule.builder("generic-assignment", "GENERIC")
			.keywords(AssignmentDetector.KEYWORDS)
			.detector(new AssignmentDetector())
			.boundaries(false)
			.build());
	}

	/**
	 * A value on the same line as a context word, at most 40 characters after it and
	 * right after a character that cannot be part of it; group 1 is the value.
	 */
	private static String after(String context, String value) {
		return "(?i:" + context + ")[^\\n]{0,40}?[^A-Za-z0-9_\\n-](" + value + ")";
	}

	/**
	 * A value assigned to a name ({@code NAME = "..."}, {@code name: ...},
	 * {@code Name-Key: ...}) that the case-insensitive {@code name} pattern matches;
	 * group 1 is the value.
	 */
	private static String assigned(String name, String value) {
		return "(?i:" + name + ")[\"']?\\s*(?:[:=]|=>|:=)\\s*[\"'`]?(" + value + ")";
	}

	/**
	 * Not a made-up value: no run of six equal characters (xxxxxx, 000000), no run of
	 * eight alphabet letters, no EXAMPLE or your_key_here.
	 */
	static boolean notPlaceholder(String value) {
		String upper = value.toUpperCase(Locale.ROOT);
		return !Entropy.hasRepeat(value, 6) && !Entropy.hasAlphabetRun(value, 8) && !upper.contains("EXAMPLE")
				&& !upper.contains("YOUR_") && !upper.contains("_HERE");
	}

	/**
	 * A value without a prefix of its own that looks random: letters and digits both, and
	 * {@link #notPlaceholder(String) not a placeholder}.
	 */
	static boolean isMixedRandom(String value) {
		int[] classes = Entropy.classes(value);
		return classes[0] + classes[1] > 0 && classes[2] > 0 && notPlaceholder(value);
	}

	/**
	 * Whether the bar at {@code bar} has at least 15 digits right before it and 27 token
	 * characters right after it, as every Facebook app token does.
	 */
	static boolean facebookAppTokenAround(String text, int bar) {
		if (bar < 15 || bar + 28 > text.length()) {
			return false;
		}
		for (int i = bar - 15; i < bar; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		for (int i = bar + 1; i <= bar + 27; i++) {
			char c = text.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-')) {
				return false;
			}
		}
		return true;
	}

	/** A PEM body has substantial base64 key material, not a placeholder. */
	static boolean hasKeyMaterial(String body) {
		int base64 = 0;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
				base64++;
			}
		}
		return base64 >= 40 && Entropy.shannon(body) >= 4.0;
	}

	static boolean isAuthorizationValue(String value) {
		if (SecretValues.looksTemplated(value)) {
			return false;
		}
		if (value.endsWith("=") && Checksums.basicCredentials(value)) {
			return true;
		}
		int[] classes = Entropy.classes(value);
		if (classes[2] == 0 && SecretValues.isWordLike(value, classes)) {
			return false;
		}
		return value.length() >= 12 && Entropy.shannon(value) >= 3.0 && !Entropy.hasRepeat(value, 5)
				&& !Entropy.hasAlphabetRun(value, 8);
	}

}
