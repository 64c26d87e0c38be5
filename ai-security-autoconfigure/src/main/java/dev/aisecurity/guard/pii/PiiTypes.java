package dev.aisecurity.guard.pii;

/**
 * Names of the built-in entity types (Presidio's names, so results compare directly).
 */
public final class PiiTypes {

	public static final String EMAIL_ADDRESS = "EMAIL_ADDRESS";

	public static final String PHONE_NUMBER = "PHONE_NUMBER";

	public static final String CREDIT_CARD = "CREDIT_CARD";

	public static final String IBAN_CODE = "IBAN_CODE";

	public static final String US_SSN = "US_SSN";

	public static final String IP_ADDRESS = "IP_ADDRESS";

	public static final String URL = "URL";

	public static final String CRYPTO = "CRYPTO";

	public static final String ABA_ROUTING_NUMBER = "ABA_ROUTING_NUMBER";

	public static final String UK_NHS = "UK_NHS";

	private PiiTypes() {
	}

}
