package dev.aisecurity.guard.secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
