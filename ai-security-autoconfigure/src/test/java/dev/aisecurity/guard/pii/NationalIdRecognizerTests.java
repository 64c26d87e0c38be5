package dev.aisecurity.guard.pii;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each national identifier: a value with a correct check digit is found, the same value
 * with the check character changed is not. The values were computed for these tests.
 */
class NationalIdRecognizerTests {

	private final PiiAnalyzer analyzer = PiiAnalyzer.defaults();

	private List<String> found(String type, String text) {
		return PiiFindings.of(this.analyzer, type, text);
	}

	private static String withLastCharacterChanged(String value) {
		char last = value.charAt(value.length() - 1);
		char changed = Character.isDigit(last) ? (char) ('0' + (last - '0' + 1) % 10) : ((last == 'A') ? 'B' : 'A');
		return value.substring(0, value.length() - 1) + changed;
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			AU_ABN                    | ABN 16 568 042 907
			AU_ACN                    | ACN 530 040 852
			AU_TFN                    | TFN: 018 800 102
						CA_SIN                    | SIN 273-649-517
			DE_TAX_ID                 | Steuer-ID 47458362911
			DE_VAT_ID                 | USt-IdNr. DE 273 498 167
			ES_NIF                    | NIF 73615248-E
			ES_NIE                    | NIE Y4827193J
			FI_PERSONAL_IDENTITY_CODE | HETU 170388-2859
			PL_PESEL                  | PESEL 85071403714
			SE_PERSONNUMMER           | personnummer 850714-3942
			TH_TNIN                   | TNIN 3591104762315
			TR_NATIONAL_ID            | TCKN 41357092898
			ZA_ID_NUMBER              | ID 8507145126088
			KR_BRN                    | BRN 214-86-01937
			US_NPI                    | NPI 1527381648
			IT_FISCAL_CODE            | CF RSSMRA85T10A562S
			""")
	void validCheckDigitIsFoundAndChangedOneIsNot(String type, String text) {
		int start = text.indexOf(' ') + 1;
		String value = text.substring(start);
		assertThat(found(type, text)).containsExactly(value);
		assertThat(found(type, text.substring(0, start) + withLastCharacterChanged(value))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			AU_MEDICARE     | medicare 2950 38171 1 | medicare 2950 38172 1
			UK_NINO         | NINO AB 12 34 56 C | NINO QQ 12 34 56 E
			UK_NINO         | nino ce123456a     | nino ce123456e
			US_MBI          | MBI 1EG4-TE5-MK73  | MBI 1EG4-TS5-MK73
			US_ITIN         | ITIN 912-78-1234   | ITIN 912-89-1234
			MAC_ADDRESS     | mac 3c:22:fb:0a:11:9e | mac 3c:22:fb:0a:11
			MAC_ADDRESS     | mac 3c22.fb0a.119e | mac 3c22.fb0a.119g
			KR_RRN          | RRN 900101-1234568 | RRN 901301-1234568
			SG_NRIC_FIN     | NRIC S1234567D     | NRIC X1234567D
			""")
	void structureRules(String type, String valid, String invalid) {
		assertThat(found(type, valid)).hasSize(1);
		assertThat(found(type, invalid)).isEmpty();
	}

	@Test
	void germanTaxIdWithoutTheDigitRuleNeedsContext() {
		// passes the check digit, but all ten leading digits differ: weak on its own
		String value = "12345678903";
		assertThat(Checksums.iso7064Mod11Mod10(value)).isTrue();
		assertThat(found("DE_TAX_ID", value)).isEmpty();
		assertThat(found("DE_TAX_ID", "Steuer-ID: " + value)).containsExactly(value);
	}

	@Test
	void checksumAlgorithms() {
		assertThat(Checksums.verhoeff("2363")).isTrue();
		assertThat(Checksums.verhoeff("2364")).isFalse();
		assertThat(Checksums.luhn("79927398713")).isTrue();
		assertThat(Checksums.luhn("79927398710")).isFalse();
		assertThat(Checksums.mod97("3214282912345698765432161182")).isEqualTo(1);
		assertThat(Checksums.bech32("a12uel5l")).isEqualTo(1);
		assertThat(Checksums.bech32("a1lqfn3a")).isEqualTo(2);
	}

}
