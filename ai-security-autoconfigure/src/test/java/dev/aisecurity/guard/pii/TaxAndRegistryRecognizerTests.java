package dev.aisecurity.guard.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tax, registry, voter and bank-account numbers: values built for these tests from the
 * published layouts (check characters computed with the published algorithms) are found,
 * the same values with a broken check character or layout are not, formats without a
 * check need a context word, and look-alikes are not reported.
 */
class TaxAndRegistryRecognizerTests {

	private static final Set<String> TYPES = Set.of("IN_PAN", "IN_GSTIN", "IN_VOTER", "SG_UEN", "PH_TIN", "NG_NIN",
			"DE_TAX_NUMBER", "DE_BSNR", "DE_HANDELSREGISTER", "US_BANK_NUMBER");

	private final PiiAnalyzer analyzer = PiiAnalyzer.defaults();

	private List<String> ours(String text) {
		return this.analyzer.analyze(text)
			.stream()
			.filter((e) -> TYPES.contains(e.type()))
			.map((e) -> e.type() + " " + text.substring(e.start(), e.end()))
			.toList();
	}

	/** The values of one type found in a text. */
	private List<String> found(String type, String text) {
		String prefix = type + " ";
		return ours(text).stream()
			.filter((f) -> f.startsWith(prefix))
			.map((f) -> f.substring(prefix.length()))
			.toList();
	}

	@Test
	void everyTypeIsSupported() {
		assertThat(this.analyzer.supportedTypes()).containsAll(TYPES);
	}

	/** Found on their own: a check character or a strict layout. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			IN_PAN             | ABCPK4721D      | ABCXK4721D
			IN_PAN             | LMNCR8350Q      | LMNCR0000Q
			IN_GSTIN           | 07LMNCR8350Q2ZF | 07LMNCR8350Q2ZA
			IN_GSTIN           | 19ABCFR1234K1Y7 | 19ABCFR1234K1Y8
			SG_UEN             | 53124789M       | 53124789N
			SG_UEN             | 47903215K       | 47903215X
			SG_UEN             | 201912345R      | 201912345S
			SG_UEN             | 199807341M      | 199807341N
			SG_UEN             | T19LL0457E      | T19LL0457F
			SG_UEN             | S98CS1206L      | S98CS1206M
			DE_HANDELSREGISTER | HRB 123456      | HRB 0123456
			DE_HANDELSREGISTER | HRA 4711        | HRX 4711
			DE_HANDELSREGISTER | GnR 318         | GnR 1234567
			""")
	void validValueIsFoundAndBrokenOneIsNot(String type, String valid, String broken) {
		assertThat(found(type, "see " + valid + " here")).containsExactly(valid);
		assertThat(found(type, "see " + broken + " here")).isEmpty();
	}

	@Test
	void gstinStructure() {
		// the check character is valid for each, the layout is not
		assertThat(found("IN_GSTIN", "GSTIN 45LMNCR8350Q2ZF")).as("state code 45").isEmpty();
		assertThat(found("IN_GSTIN", "GSTIN 07LMNXR8350Q2Z8")).as("holder type X").isEmpty();
		assertThat(found("IN_GSTIN", "gstin 07lmncr8350q2zf")).as("lower case").isEmpty();
		// the PAN inside a GSTIN is not reported as a PAN of its own
		assertThat(found("IN_PAN", "GSTIN 07LMNCR8350Q2ZF")).isEmpty();
	}

	@Test
	void uenStructure() {
		// a third-form UEN needs a published entity type and a year not in the future
		assertThat(found("SG_UEN", "UEN T19QQ0457E")).isEmpty();
		assertThat(found("SG_UEN", "UEN T99LL0457E")).isEmpty();
		// a local company number starts with its year of registration
		assertThat(found("SG_UEN", "UEN 099807341M")).isEmpty();
	}

	/** Without a check: found only with a context word, in the country's language too. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			IN_VOTER       | ABC1275394          | EPIC number
			IN_VOTER       | XYZ7654321          | voter id
			PH_TIN         | 214-608-375         | TIN
			PH_TIN         | 214-608-375-000     | taxpayer identification number
			PH_TIN         | 214608375           | BIR TIN
			NG_NIN         | 41725836094         | NIN
			NG_NIN         | 41725836094         | NIMC slip, number
			DE_TAX_NUMBER  | 21/815/08150        | Steuernummer
			DE_TAX_NUMBER  | 181/815/08155       | St.-Nr.
			DE_TAX_NUMBER  | 93815/08152         | Steuer-Nr.
			DE_TAX_NUMBER  | 133/8150/8159       | StNr
			DE_TAX_NUMBER  | 22/815/0815/4       | Steuernummer
			DE_TAX_NUMBER  | 013 815 08153       | Steuernummer
			DE_TAX_NUMBER  | 2893081508152       | tax number
			DE_BSNR        | 721234500           | BSNR
			DE_BSNR        | 381234501           | Betriebsstättennummer
			US_BANK_NUMBER | 40038127519         | account number
			US_BANK_NUMBER | 483920117           | acct
			US_BANK_NUMBER | 1029384756473829    | bank
			DE_HANDELSREGISTER | PR 1234         | Amtsgericht Essen
			DE_HANDELSREGISTER | VR 20817        | Vereinsregister
			DE_HANDELSREGISTER | GNR 311         | Genossenschaftsregister
			DE_HANDELSREGISTER | GSR 750         | Gesellschaftsregister
			""")
	void weakFormatNeedsContext(String type, String value, String context) {
		assertThat(found(type, "the value " + value + " was given")).isEmpty();
		assertThat(found(type, context + ": " + value)).containsExactly(value);
		assertThat(found(type, "value " + value + " (" + context + ")")).containsExactly(value);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			PH_TIN         | TIN 214-608-375-0001
			PH_TIN         | TIN 214-608-3751
			PH_TIN         | TIN 000-000-000
			PH_TIN         | TIN 123-456-789
			DE_TAX_NUMBER  | Steuernummer 12/345/67890
			US_BANK_NUMBER | account 1234567890
			NG_NIN         | NIN 08031234567
			NG_NIN         | NIN 11111111111
			DE_TAX_NUMBER  | Steuernummer 2893181508152
			DE_TAX_NUMBER  | Steuernummer 6893081508152
			DE_TAX_NUMBER  | Steuernummer 113 815 08153
			DE_TAX_NUMBER  | Steuernummer 21/815-08150
			DE_TAX_NUMBER  | Steuernummer 1/21/815/08150
			DE_BSNR        | BSNR 991234500
			DE_BSNR        | BSNR 72123450
			DE_HANDELSREGISTER | Amtsgericht HRC 1234
			US_BANK_NUMBER | bank account 20240513
			US_BANK_NUMBER | account 4111111111111111
			US_BANK_NUMBER | bank routing 011000015
			US_BANK_NUMBER | account 1234567
			US_BANK_NUMBER | account 123456789012345678
			US_BANK_NUMBER | account 00000000
			IN_VOTER       | voter id ABC0000000
			IN_VOTER       | voter id AB12345678
			""")
	void brokenLayoutIsNotFoundEvenWithContext(String type, String text) {
		assertThat(found(type, text)).isEmpty();
	}

	@Test
	void handelsregisterForms() {
		assertThat(found("DE_HANDELSREGISTER", "Amtsgericht Charlottenburg HRB 12345 B"))
			.containsExactly("HRB 12345 B");
		assertThat(found("DE_HANDELSREGISTER", "Registergericht: Amtsgericht München, HR B 4711"))
			.containsExactly("HR B 4711");
		assertThat(found("DE_HANDELSREGISTER", "eingetragen unter HRB98765 beim Amtsgericht Köln"))
			.containsExactly("HRB98765");
		assertThat(found("DE_HANDELSREGISTER", "HRB 12345 Berlin")).containsExactly("HRB 12345");
		assertThat(found("DE_HANDELSREGISTER", "GsR 77 seit 2024")).containsExactly("GsR 77");
	}

	@Test
	void registerNumberIsNotTheStartOfADecimalOrThousandsGroup() {
		// an amount after a prefix-like word: the register number would be its first
		// group only
		assertThat(found("DE_HANDELSREGISTER", "Basic 30000, HRA 15,000 per month")).isEmpty();
		assertThat(found("DE_HANDELSREGISTER", "HRB 2.5 million in sales")).isEmpty();
		assertThat(found("DE_HANDELSREGISTER", "Amtsgericht Köln HRB 12345.")).containsExactly("HRB 12345");
	}

	@Test
	void stateFormOfTheSteuernummerNotInsideALongerNumber() {
		assertThat(found("DE_TAX_NUMBER", "Steuernummer 21/815/08150.")).containsExactly("21/815/08150");
		assertThat(found("DE_TAX_NUMBER", "Steuernummer 21/815/08150.5")).isEmpty();
		assertThat(found("DE_TAX_NUMBER", "Steuernummer 3.21/815/08150")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "bank account opened 2024-05-13 and closed 13.05.2024",
			"account created 20240513, tax version 12.345.67890", "acct 12345678.90 USD in the bank",
			"account balance 1,234,567,890.00", "bank account sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709",
			"account id 550e8400-e29b-41d4-a716-446655440000", "account 7f3a-12345678901-0b2c",
			"call the bank at +49 30 12345678 or +1 202 555 0143", "bank phone (202) 555-0143, account +4930123456789",
			"order number 123456789 for the bank account", "Java 17.0.12 and Spring 3.4.1, tax 2.123.45678",
			"TIN 192.168.100.200 Steuernummer 10.0.0.1", "Steuernummer 12:34:56 St 2024/05/13",
			"HRB PROPERTIES PR approved VR headset", "PR 1234 merged by the reviewer", "EPIC ABC 1234567 voter",
			"NIN 2024-05-13-12345", "BSNR v721234500", "uen WORDSWORD", "PAN PANCAKE1234", "GSTIN GSTIN12345678901",
			"ISBN 978-3-16-148410-0 account", "the Suzuki GSR 750 and GSR600 bikes",
			"GNR 1 trains and GSR 12 sensors" })
	void lookalikesAreNotReported(String text) {
		assertThat(ours(text)).isEmpty();
	}

	@Test
	void randomUuidsAndHexHashesAreNotReported() {
		Random random = new Random(20261128);
		List<String> flagged = new ArrayList<>();
		for (int run = 0; run < 5000; run++) {
			String id = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
			String hash = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
			for (String text : List.of("bank account " + id, "account " + hash + " tax",
					"TIN " + id.replace('-', ' '))) {
				if (!ours(text).isEmpty()) {
					flagged.add(text + " " + ours(text));
				}
			}
		}
		assertThat(flagged).isEmpty();
	}

	private static final String[] PIECES = { "ABCPK4721D", "07LMNCR8350Q2ZF", "ABC1275394", "53124789M", "T19LL0457E",
			"201912345R", "214-608-375", "214-608-375-000", "41725836094", "21/815/08150", "013 815 08153",
			"2893081508152", "721234500", "HRB 12345 B", "HR B 4711", "PR 1234", "40038127519", "20240513", "12.345",
			"+", "/", "-", " ", ".", "account", "Steuernummer", "BSNR", "NIN", "TIN", "epic", "Amtsgericht", "bank",
			"x", "7", "12", "345" };

	/**
	 * The shortcuts of {@link PiiText} find what the general path finds, for texts dense
	 * with these values, their neighbours and their context words.
	 */
	@Test
	void shortcutsFindWhatTheGeneralPathFinds() {
		Random random = new Random(20261129);
		int withOurs = 0;
		for (int run = 0; run < 2000; run++) {
			String s = randomText(random);
			List<PiiEntity> general = this.analyzer.analyze(PiiText.exhaustive(s), true);
			assertThat(this.analyzer.analyze(PiiText.of(s), true)).as(s).isEqualTo(general);
			withOurs += general.stream().anyMatch((e) -> TYPES.contains(e.type())) ? 1 : 0;
		}
		assertThat(withOurs).isGreaterThan(1000);
	}

	/** One to twelve pieces, each followed by a space two times in three. */
	private static String randomText(Random random) {
		StringBuilder text = new StringBuilder();
		for (int i = random.nextInt(12); i >= 0; i--) {
			text.append(PIECES[random.nextInt(PIECES.length)]).append((random.nextInt(3) > 0) ? " " : "");
		}
		return text.toString();
	}

}
