package dev.aisecurity.guard.injection;

/**
 * Word classes the phrase rules are written in. A phrase of the lexicon belongs to one
 * class and carries a weight within it.
 */
enum Concept {

	/** Verbs that tell the model to drop something: ignore, disregard, forget... */
	IGNORE,

	/** What came before: previous, above, prior, earlier... */
	PRIOR,

	/**
	 * A stronger "what came before" that is a target by itself: the above, all previous.
	 */
	PRIOR_STRONG,

	/** Everything, all of it. */
	EVERYTHING,

	/** Addressing the model's own setup: your, you were given, the system. */
	POSSESSIVE,

	/** What an override targets: instructions, rules, prompt, guidelines... */
	TARGET,

	/**
	 * A generic object that is an override target only when clearly addressed: text,
	 * task.
	 */
	TARGET_WEAK,

	/** Framing that announces replacement instructions: new task, from now on. */
	NEW_TASK,

	/** Context that marks a mention rather than a command: how do I, what is... */
	MENTION,

	/** Verbs asking for text back: reveal, print, repeat, what is... */
	REVEAL,

	/**
	 * Verbs that ask for a text reworked rather than handed back: translate, summarize,
	 * rewrite.
	 */
	TRANSFORM,

	/** The model's hidden setup as an object: system prompt, your instructions. */
	SECRET_STRONG,

	/**
	 * What lies above or before, as an object: the text above, the previous text. In a
	 * prompt that starts with it, the hidden setup; in a conversation, as often the
	 * user's own text or an earlier turn.
	 */
	SECRET_BEFORE,

	/**
	 * The model's setup in its own words, only read at the end of a text that asks to be
	 * completed: "my instructions are:".
	 */
	SECRET_SELF,

	/** A protected value as an object: the password, the secret key. */
	SECRET_WEAK,

	/** Imperative verbs of disclosure: print, output, tell me. */
	DISCLOSE,

	/** A protected value named by a bare noun: key, password. */
	SECRET_WORD,

	/** Asks for exact, complete reproduction: verbatim, word for word. */
	VERBATIM,

	/** Persona and jailbreak framings, each phrase weighted. */
	PERSONA,

	/** Strings attackers make a model print to prove a hijack: pwned, access granted. */
	CANARY,

	/** Verbs that dictate output: say, print, output, respond with. */
	OUTPUT_VERB,

	/** Restriction of the output to a given string: only, exactly, nothing else. */
	ONLY,

	/** Output format tricks that strip tell-tale punctuation. */
	NO_PUNCTUATION,

	/** Fake end-of-prompt separators, weighted. */
	SEPARATOR,

	/** Reversed spellings of key words, a hint that the text is written backwards. */
	REVERSED,

	/**
	 * A key word of an override split in two ("ig nore", "sys.tem"), generated from
	 * {@link Spelling#KEYWORDS}: a hint that the text is obfuscated.
	 */
	SPLIT,

	/**
	 * A key word in leetspeak with {@code 1} for l, as the canonical text reads it
	 * ("ru1e5" as "ruies"): a hint that the other reading of {@code 1} is meant.
	 */
	LEET_L,

	/** Words that ask for a decoding step: decode, base64, rot13. */
	DECODE,

	/**
	 * Persuasion frames around a request, weighted: role play, fiction, hypotheticals,
	 * pretexts, disclaimers that the answer will not be used, urgency, forced compliance.
	 */
	FRAME,

	/**
	 * A request for harmful content as a whole phrase, weighted: hack into, launder
	 * money, steal someone's identity, without getting caught.
	 */
	HARM,

	/**
	 * Dangerous things made or obtained, weighted, harmful only after a verb that makes
	 * or gets them: a pipe bomb, methamphetamine, nerve agent.
	 */
	HARM_OBJECT,

	/**
	 * Malicious software and fraud material, weighted, harmful only after a verb that
	 * makes or gets them: ransomware, a keylogger, a phishing email.
	 */
	HARM_SOFTWARE,

	/**
	 * The user as a third person, "the user's": in a document that speaks to the model
	 * reading it, what an injection drops ("ignore the user's question").
	 */
	USER_POSSESSIVE,

	/**
	 * Verbs that send data out of the conversation: send, post, upload, forward, email,
	 * exfiltrate, in several languages.
	 */
	SEND,

	/**
	 * Data whose sending out is a leak by itself: the conversation, its messages, keys,
	 * credentials, environment variables, payment and personal details.
	 */
	DATA,

	/**
	 * Data that may be sent on the user's own behalf: e-mails, attachments, contacts,
	 * files, a table.
	 */
	DATA_WEAK,

	/**
	 * A channel that carries data out when the model writes it: in the URL of an image,
	 * into a GET request, inside a link, to a webhook, a gist, a paste site.
	 */
	CHANNEL,

	/**
	 * A URL's scheme, http or https: whether a text holds URLs worth reading for
	 * {@link UrlBeacons}.
	 */
	URL,

	/** Doing it behind the user's back: quietly, secretly, carry on as normal. */
	SECRECY,

	/**
	 * Asks to join pieces of text and act on the result: combine the parts, concatenate,
	 * join them (payload splitting).
	 */
	JOIN

}
