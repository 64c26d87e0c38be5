package dev.aisecurity.guard.pii;

/**
 * What replaces a piece of personal data when a text is sanitised.
 */
@FunctionalInterface
public interface PiiOperator {

	/**
	 * The replacement for a value.
	 * @param type the entity type
	 * @param value the personal data itself; implementations must not keep or log it
	 * @return the text written in its place
	 */
	String apply(String type, String value);

	/**
	 * The operators that can be chosen by name in configuration.
	 */
	enum Kind {

		/** {@code [REDACTED]}. */
		REDACT,

		/** All but the last few letters and digits replaced by {@code *}. */
		MASK,

		/** A type placeholder such as {@code <EMAIL_ADDRESS>}. */
		REPLACE,

		/**
		 * A keyed HMAC-SHA256 pseudonym, stable for one key:
		 * {@code <EMAIL_ADDRESS_3f2a...>}.
		 */
		HASH

	}

}
