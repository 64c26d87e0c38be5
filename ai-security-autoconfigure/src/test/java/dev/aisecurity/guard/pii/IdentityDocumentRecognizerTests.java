package dev.aisecurity.guard.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passports, identity cards, driving and medical licences. Numbers with a check digit are
 * found on their own and not with the check digit changed; numbers without one need a
 * context word. The values were made up for these tests and their check digits computed
 * from the published rules.
 */
class IdentityDocumentRecognizerTests {

	private static final Set<String> TYPES = Set.of("US_PASSPORT", "UK_PASSPORT", "DE_PASSPORT", "DE_ID_CARD",
			"ES_PASSPORT", "IT_PASSPORT", "IT_IDENTITY_CARD", "KR_PASSPORT", "IN_PASSPORT", "US_DRIVER_LICENSE",
			"IT_DRIVER_LICENSE", "KR_DRIVER_LICENSE", "DE_FUEHRERSCHEIN", "MEDICAL_LICENSE");

	private final PiiAnalyzer analyzer = PiiAnalyzer.defaults();

	/** The entities of the document types found in a text. */
	private List<PiiEntity> documents(String text) {
		return this.analyzer.analyze(text).stream().filter((e) -> TYPES.contains(e.type())).toList();
	}

	private List<String> found(String type, String text) {
		return documents(text).stream()
			.filter((e) -> e.type().equals(type))
			.map((e) -> text.substring(e.start(), e.end()))
			.toList();
	}

	private List<String> documentTypes(String text) {
		return documents(text).stream().map(PiiEntity::type).toList();
	}

	@Test
	void everyTypeIsSupported() {
		assertThat(this.analyzer.supportedTypes()).containsAll(TYPES);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			DE_PASSPORT      | CF7K2M9R42  | CF7K2M9R43
			DE_PASSPORT      | GH3N7W5K94  | GH3N7W5K95
			DE_ID_CARD       | LZ6R8T3X11  | LZ6R8T3X12
			DE_ID_CARD       | MX2T9R0P41  | MX2T9R0P40
			DE_FUEHRERSCHEIN | J051KP7R471 | J051KP7R481
			DE_FUEHRERSCHEIN | F402NK9C181 | F402NK9C171
			DE_FUEHRERSCHEIN | B072RRE2I55 | B072RRE2I65
			MEDICAL_LICENSE  | BK4728169   | BK4728168
			MEDICAL_LICENSE  | AM3051199   | AM3051191
			MEDICAL_LICENSE  | FJ9182736   | FJ9182737
			""")
	void checkDigitIsFoundWithoutContextAndAChangedOneIsNot(String type, String valid, String broken) {
		assertThat(found(type, "Applicant record: " + valid + ".")).containsExactly(valid);
		assertThat(found(type, "Applicant record: " + broken + ".")).isEmpty();
	}

	@Test
	void germanSerialsFollowTheirAlphabetAndDocumentLetter() {
		// the same check digit rule, but with a vowel, or an ID card letter on a passport
		assertThat(found("DE_PASSPORT", "CA7K2M9R4" + icao("CA7K2M9R4"))).isEmpty();
		assertThat(found("DE_PASSPORT", "LZ6R8T3X11")).isEmpty();
		assertThat(found("DE_ID_CARD", "CF7K2M9R42")).isEmpty();
		// without the check digit the serial needs a context word
		assertThat(found("DE_PASSPORT", "Serie CF7K2M9R4")).isEmpty();
		assertThat(found("DE_PASSPORT", "Reisepassnummer: CF7K2M9R4")).containsExactly("CF7K2M9R4");
		assertThat(found("DE_ID_CARD", "Personalausweis LZ6R8T3X1")).containsExactly("LZ6R8T3X1");
		// in lower case the check digit is not enough
		assertThat(found("DE_PASSPORT", "cf7k2m9r42")).isEmpty();
		assertThat(found("DE_PASSPORT", "passport cf7k2m9r42")).containsExactly("cf7k2m9r42");
		// a letter and nine digits is also a part number: the check digit is not enough
		String partNumber = "P12345678" + icao("P12345678");
		assertThat(found("DE_ID_CARD", "Part number " + partNumber)).isEmpty();
		assertThat(found("DE_ID_CARD", "Personalausweis " + partNumber)).containsExactly(partNumber);
	}

	@Test
	void checkDigitAlgorithms() {
		// ICAO 9303 over the specimen serial of the 2010 German identity card
		assertThat(IdentityDocumentRecognizers.icaoCheckDigit("T22000129")).isEqualTo(3);
		assertThat(icao("CF7K2M9R4")).isEqualTo(2);
		assertThat(IdentityDocumentRecognizers.dea("BK4728169")).isEqualTo(CoreRecognizers.CHECK_DIGIT);
		assertThat(IdentityDocumentRecognizers.dea("bk4728169")).isEqualTo(CoreRecognizers.WEAK);
		// first letter outside the registrant types
		assertThat(IdentityDocumentRecognizers.dea("NK4728169")).isNegative();
		assertThat(IdentityDocumentRecognizers.fuehrerschein("J051KP7R471")).isEqualTo(CoreRecognizers.CHECK_DIGIT);
		assertThat(IdentityDocumentRecognizers.runs("AB1234567C")).isEqualTo("L2D7L1");
		assertThat(IdentityDocumentRecognizers.runs("Ab1234567")).isEqualTo("L2D7");
		assertThat(IdentityDocumentRecognizers.runs("AB_1234567")).isNull();
		// a lower-case letter anywhere makes the value weak
		assertThat(IdentityDocumentRecognizers.dea("Bk4728169")).isEqualTo(CoreRecognizers.WEAK);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			US_PASSPORT       | A47219386          | US passport number A47219386
			US_PASSPORT       | 547219386          | passport no. 547219386
			UK_PASSPORT       | 925076473          | HMPO passport 925076473
			UK_PASSPORT       | L25076473          | UK passport: L25076473
			DE_PASSPORT       | J4829173           | Kinderreisepass J4829173
			ES_PASSPORT       | PAB482913          | número de pasaporte PAB482913
			ES_PASSPORT       | XD482913           | pasaporte XD482913
			IT_PASSPORT       | YA4829137          | passaporto YA4829137
			IT_IDENTITY_CARD  | CA48291BX          | carta d'identità CA48291BX
			IT_IDENTITY_CARD  | AX4829137          | CIE AX4829137
			IT_IDENTITY_CARD  | AX 4829137         | carta d'identità n. AX 4829137
			IT_IDENTITY_CARD  | 4829137KB          | CIE 4829137KB
			IT_IDENTITY_CARD  | Ca48291bX          | carta d'identità Ca48291bX
			KR_PASSPORT       | M48291736          | 여권번호 M48291736
			KR_PASSPORT       | M482A1736          | passport M482A1736
			IN_PASSPORT       | J8369134           | Indian passport J8369134
			US_DRIVER_LICENSE | D4829173           | driver's license D4829173
			US_DRIVER_LICENSE | 482917365          | DL 482917365
			US_DRIVER_LICENSE | A123-456-78-901-0  | Florida license A123-456-78-901-0
			US_DRIVER_LICENSE | WDL4K8M2Q7X1       | WA licence WDL4K8M2Q7X1
			IT_DRIVER_LICENSE | U14829173K         | patente U14829173K
			IT_DRIVER_LICENSE | MI4829173K         | patente di guida MI4829173K
			KR_DRIVER_LICENSE | 112412345601       | 운전면허번호 112412345601
			KR_DRIVER_LICENSE | 24-123456-01       | 서울 24-123456-01
			MEDICAL_LICENSE   | bk4728169          | DEA bk4728169
			""")
	void weakFormatsNeedAContextWord(String type, String value, String withContext) {
		assertThat(found(type, "The value is " + value + " today.")).isEmpty();
		assertThat(found(type, withContext + " today.")).containsExactly(value);
	}

	@Test
	void koreanDriverLicenceRegions() {
		assertThat(found("KR_DRIVER_LICENSE", "면허 11-24-123456-01")).containsExactly("11-24-123456-01");
		// the printed groups with a valid region are enough on their own
		assertThat(found("KR_DRIVER_LICENSE", "no. 28-09-381726-11")).containsExactly("28-09-381726-11");
		assertThat(found("KR_DRIVER_LICENSE", "no. 29-09-381726-11")).isEmpty();
		assertThat(found("KR_DRIVER_LICENSE", "운전면허 10-09-381726-11")).isEmpty();
	}

	@Test
	void generalShapesAreWeakWithoutTheirFormat() {
		// a known shape in the wrong place is not a document
		assertThat(found("IN_PASSPORT", "passport Q8369134")).isEmpty();
		assertThat(found("IN_PASSPORT", "passport J0369134")).isEmpty();
		assertThat(found("KR_PASSPORT", "passport A48291736")).isEmpty();
		assertThat(found("US_PASSPORT", "passport AB4721938")).isEmpty();
		assertThat(found("IT_DRIVER_LICENSE", "patente U1A829173K")).isEmpty();
		// only the printed groups of the long state numbers
		assertThat(found("US_DRIVER_LICENSE", "license A123456 789")).containsExactly("A123456");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			passport valid until 2031-05-13 and issued 2021-05-14
			passport issued 202105141
			passport 111111111
			licence version 3.2.1, release 2.0.0-rc1
			driver's license renewed on 20240513
			license: Apache-2.0, build 20240513093000
			license commit 3f9a2c1d7e and 3F9A2C1D
			license request 123e4567-e89b-12d3-a456-112233445566
			order number A12345678 shipped
			passport photos for PASSPORTS and Reisepass renewals
			Führerschein Klasse B seit 1998, Nr. unbekannt
			DEA license expired in 2025
			""")
	void lookalikesAreNotDocuments(String text) {
		assertThat(documentTypes(text)).isEmpty();
	}

	@Test
	void randomHashesAreNotDocuments() {
		Random random = new Random(20261127);
		List<String> flagged = new ArrayList<>();
		// git and digest hashes: lower case of any length, upper case at their usual
		// lengths
		int[] lengths = { 7, 8, 9, 10, 11, 12, 16, 40 };
		int[] upperLengths = { 7, 8, 12, 16, 40 };
		for (int run = 0; run < 20000; run++) {
			boolean upper = random.nextBoolean();
			String hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
			int length = upper ? upperLengths[random.nextInt(upperLengths.length)]
					: lengths[random.nextInt(lengths.length)];
			StringBuilder value = new StringBuilder();
			for (int i = 0; i < length; i++) {
				value.append(hex.charAt(random.nextInt(16)));
			}
			String text = "object " + value + " stored";
			if (!documentTypes(text).isEmpty()) {
				flagged.add(text);
			}
		}
		assertThat(flagged).isEmpty();
	}

	private static int icao(String serial) {
		return IdentityDocumentRecognizers.icaoCheckDigit(serial);
	}

}
