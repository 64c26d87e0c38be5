package dev.aisecurity.guard.indirect;

import java.util.Set;

/**
 * The word lists {@link IndirectInjectionScanner} reads sentences with. Each list names a
 * role a word plays in an instruction aimed at a model (a verb that overrides, a noun
 * that names an AI, an object that only a model is asked to produce...), never a whole
 * attack phrase: the scanner scores combinations of roles within one sentence, so that it
 * generalises beyond the phrasings it was written against.
 */
final class InstructionCues {

	private InstructionCues() {
	}

	/** A set of words; duplicates are allowed, so lists can overlap freely. */
	private static Set<String> words(String... words) {
		return Set.copyOf(java.util.Arrays.asList(words));
	}

	/** Verbs that set earlier instructions aside. */
	static final Set<String> OVERRIDE_VERBS = words("ignore", "disregard", "forget", "override", "bypass", "discard",
			"abandon", "overrule", "supersede", "neglect", "drop", "skip", "cancel", "void");

	/** Words that point back at what came before the document. */
	static final Set<String> PRIOR_WORDS = words("previous", "prior", "above", "earlier", "preceding", "original",
			"all", "any", "every", "initial", "existing", "foregoing", "system", "your", "the", "former", "old",
			"current", "given");

	/** What an override sets aside. */
	static final Set<String> DIRECTIVE_NOUNS = words("instructions", "instruction", "prompt", "prompts", "rules",
			"rule", "guidelines", "guideline", "directives", "directive", "directions", "context", "constraints",
			"guardrails", "restrictions", "programming", "policies", "policy", "commands", "orders", "training",
			"safeguards", "settings", "tasks", "task", "messages", "conversation");

	/** Nouns naming an AI model or assistant. */
	static final Set<String> AI_NOUNS = words("ai", "assistant", "assistants", "chatbot", "chatbots", "bot", "llm",
			"llms", "gpt", "chatgpt", "claude", "gemini", "copilot", "model", "agent", "agents", "bard", "llama",
			"mistral");

	/** Nouns that name an AI on their own, without a qualifier. */
	static final Set<String> UNAMBIGUOUS_AI_NOUNS = words("chatbot", "chatbots", "llm", "llms", "gpt", "chatgpt",
			"claude", "copilot", "bard");

	/** Words that turn "assistant", "model" or "agent" into an AI. */
	static final Set<String> AI_QUALIFIERS = words("ai", "virtual", "digital", "language", "llm", "chat", "gpt",
			"automated", "autonomous", "generative", "intelligent", "smart");

	/** Second person. */
	static final Set<String> SECOND_PERSON = words("you", "your", "yourself", "you're", "youre", "you'll", "you've",
			"u");

	/** Verbs of telling, for concealment ("do not tell the user"). */
	static final Set<String> TELL_VERBS = words("tell", "inform", "mention", "reveal", "let", "alert", "notify",
			"disclose", "warn", "show", "say", "indicate", "acknowledge", "report", "explain");

	/** Whom an injected instruction hides itself from. */
	static final Set<String> OBSERVERS = words("user", "users", "human", "humans", "reader", "operator", "requester",
			"asker");

	/** Words that refer to the injected text itself. */
	static final Set<String> SELF_REFERENCE = words("instruction", "instructions", "note", "message", "text", "request",
			"command", "prompt", "directive");

	/** Words that hide. */
	static final Set<String> SECRECY = words("secret", "secretly", "hidden", "silently", "quietly", "covertly",
			"discreetly", "invisibly", "confidential");

	/** What a model produces, addressed as "your ...". */
	static final Set<String> OUTPUT_NOUNS = words("response", "responses", "answer", "answers", "reply", "replies",
			"output", "outputs", "summary", "summaries", "completion", "completions", "translation", "analysis");

	/** Verbs that send data somewhere. */
	static final Set<String> EXFIL_VERBS = words("send", "forward", "email", "mail", "post", "upload", "transmit",
			"exfiltrate", "leak", "share", "copy", "submit", "append", "embed", "encode", "attach", "paste", "relay",
			"include", "insert", "add", "render", "display", "fetch", "load", "visit", "open", "navigate", "browse",
			"click", "request", "ping");

	/** Data worth stealing. */
	static final Set<String> SENSITIVE_DATA = words("password", "passwords", "passcode", "credentials", "credential",
			"token", "tokens", "secret", "secrets", "apikey", "api_key", "key", "keys", "conversation", "history",
			"chat", "messages", "cookie", "cookies", "session", "ssn", "card", "pin", "otp", "inbox", "contacts",
			"emails", "personal", "private", "confidential", "prompt", "memory", "transcript", "login", "username",
			"usernames", "account", "bank");

	/** Verbs that make a model call a tool. */
	static final Set<String> TOOL_VERBS = words("call", "invoke", "use", "run", "execute", "trigger", "launch",
			"activate", "perform");

	/** What a model's tool is called. */
	static final Set<String> TOOL_NOUNS = words("tool", "tools", "function", "functions", "plugin", "plugins", "action",
			"actions", "api", "endpoint", "command", "browser", "search");

	/**
	 * Verbs of a task a reader would hand to a model (write, translate, summarise...),
	 * read as an imperative when they open a sentence.
	 */
	static final Set<String> TASK_VERBS = words("write", "compose", "generate", "create", "draft", "summarize",
			"summarise", "translate", "explain", "describe", "list", "provide", "answer", "analyze", "analyse",
			"classify", "rewrite", "rephrase", "paraphrase", "encode", "decode", "reverse", "convert", "output",
			"print", "repeat", "say", "tell", "respond", "reply", "recommend", "suggest", "name", "give", "calculate",
			"solve", "define", "identify", "compare", "evaluate", "replace", "substitute", "spell", "begin", "start",
			"end", "format", "insert", "add", "append", "include", "mention", "promote", "advertise", "recite", "sing",
			"invent", "imagine", "pretend", "act", "modify", "change", "remove", "delete", "implement", "design",
			"develop", "build", "code", "program", "craft", "produce", "share", "offer", "discuss", "predict",
			"estimate", "research", "find", "search", "collect", "gather", "extract", "count", "rate", "rank",
			"determine", "assess", "review", "critique", "outline", "elaborate", "compute", "tell", "ignore",
			"disregard", "forget", "send", "forward", "visit", "click", "open", "download", "install", "execute", "run",
			"call", "invoke", "use", "reveal", "show", "display", "emphasize", "highlight", "urge", "encourage",
			"persuade", "convince", "inform", "notify", "warn", "claim", "state", "assert", "announce", "express",
			"prepend", "conclude", "finish", "sign", "encrypt", "log", "capture", "record", "monitor", "scan", "block",
			"disable", "shut", "corrupt", "overwrite", "erase", "wipe", "transfer", "redirect", "replace");

	/** Fillers skipped before the verb of an imperative. */
	static final Set<String> IMPERATIVE_FILLERS = words("please", "now", "also", "first", "firstly", "then", "and",
			"so", "just", "kindly", "additionally", "finally", "next", "ok", "okay", "hey", "hi", "note", "important",
			"attention", "urgent", "instead", "afterwards", "lastly", "moreover", "furthermore", "but", "immediately",
			"secondly", "thirdly", "nb", "ps", "p", "s", "i", "ii", "iii", "1", "2", "3", "4", "5", "a", "b", "c",
			"step", "task", "todo", "fixme", "always", "must", "secretly", "quietly", "silently", "covertly",
			"discreetly", "simply", "instead", "to", "the", "for");

	/**
	 * Objects that only a language model is asked to produce, so that "write a poem"
	 * inside an e-mail is out of place where "write the report" is not.
	 */
	static final Set<String> MODEL_TASK_OBJECTS = words("poem", "poems", "story", "stories", "joke", "jokes", "song",
			"songs", "haiku", "haikus", "limerick", "limericks", "tweet", "tweets", "recipe", "recipes", "riddle",
			"riddles", "base64", "emoji", "emojis", "emoticons", "pig", "trivia", "essay", "essays", "slogan",
			"slogans", "sonnet", "rap", "lyrics", "fairy", "tale", "anagram", "acrostic", "caesar", "cipher", "rot13",
			"morse", "hexadecimal", "binary", "backwards", "reversed", "reverse", "sentiment", "capital", "synonym",
			"synonyms", "antonym", "antonyms", "horoscope", "weather", "movie", "movies", "celebrity", "uppercase",
			"lowercase", "vowels", "alphabetical", "rhyme", "rhymes", "dialogue", "keylogger", "keystrokes",
			"keystroke", "screenshot", "screenshots", "malware", "virus", "ransomware", "backdoor", "exploit",
			"phishing", "spam", "scam", "hyperlink", "misinformation", "propaganda", "conspiracy", "hashtags",
			"hashtag", "meme", "memes", "persona", "roleplay");

	/**
	 * Languages: "translate into German" is a task people hand each other too, so a
	 * language corroborates and never decides.
	 */
	static final Set<String> LANGUAGES = words("french", "spanish", "german", "italian", "chinese", "japanese",
			"korean", "russian", "portuguese", "arabic", "hindi", "dutch", "swedish", "polish", "turkish", "greek",
			"latin", "klingon", "elvish");

	/** Objects of harmful code requests that are telling on their own. */
	static final Set<String> HARMFUL_CODE_OBJECTS = words("keylogger", "keystrokes", "keystroke", "keylogging",
			"screenshot", "screenshots", "webcam", "microphone", "sniff", "sniffer", "sniffing", "fingerprint",
			"fingerprinting", "ransomware", "backdoor", "rootkit", "botnet", "ddos", "passwd", "mbr", "miner",
			"exfiltrate", "exfiltration", "spyware", "trojan", "cryptojacking", "keyloggers", "eavesdrop",
			"eavesdropping", "surveillance");

	/** Objects of harmful code requests that tell only in pairs. */
	static final Set<String> WEAK_HARMFUL_CODE_OBJECTS = words("clipboard", "traffic", "packets", "encrypt", "encrypts",
			"encrypting", "firewall", "antivirus", "shutdown", "reboot", "corrupt", "corrupts", "corrupting", "shadow",
			"registry", "boot", "fork", "bomb", "mining", "reverse", "shell", "payload", "malware", "virus", "worm",
			"credentials", "cookies", "history", "hosts", "internet", "wipe", "erase", "disable", "disables", "block",
			"blocks", "flood", "flooding", "dos", "crash", "overload", "remote", "upload", "uploads", "attacker",
			"hidden", "secretly", "silently", "covertly", "spy", "track", "tracking", "steal", "steals", "harvest",
			"capture", "captures", "capturing", "log", "logs", "monitor", "monitors", "monitoring", "ip", "mac",
			"hostname", "processes", "system", "files", "all", "every", "documents", "user's", "users", "connection",
			"connections");

	/** Imperative verbs of harmful code requests. */
	static final Set<String> HARMFUL_CODE_VERBS = words("write", "create", "implement", "add", "insert", "modify",
			"develop", "build", "generate", "code", "make", "design", "include", "append", "change", "update",
			"program", "craft", "produce", "extend");

	/** Words opening a conditional address to whoever processes the document. */
	static final Set<String> PROCESSING_VERBS = words("read", "reading", "summarize", "summarise", "summarizing",
			"summarising", "process", "processing", "analyze", "analyse", "analyzing", "analysing", "parse", "parsing",
			"see", "seeing", "encounter", "ingest", "review", "reviewing", "answer", "answering", "respond",
			"responding", "reply", "replying", "asked", "retrieve", "retrieved", "translate", "translating");

}
