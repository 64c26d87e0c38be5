package dev.aisecurity.guard.pii;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PiiAnalyzerTests {

	private final PiiAnalyzer analyzer = PiiAnalyzer.defaults();

	private List<String> found(String type, String text) {
		return PiiFindings.of(this.analyzer, type, text);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
							EMAIL_ADDRESS      | write to jane.doe+news@example.co.uk today      | jane.doe+news@example.co.uk
							EMAIL_ADDRESS      | user@xn--bcher-kva.example                     | user@xn--bcher-kva.example
							CREDIT_CARD        | pay with 4111 1111 1111 1111 please            | 4111 1111 1111 1111
							CREDIT_CARD        | amex 3782-822463-10005                         | 3782-822463-10005
							CREDIT_CARD        | 5500005555555559                               | 5500005555555559
							IBAN_CODE          | IBAN GB82 WEST 1234 5698 7654 32.              | GB82 WEST 1234 5698 7654 32
							IBAN_CODE          | DE89370400440532013000                         | DE89370400440532013000
							IBAN_CODE          | FR14-2004-1010-0505-0001-3M02-606              | FR14-2004-1010-0505-0001-3M02-606
							US_SSN             | my ssn is 536-22-1234                          | 536-22-1234
							IP_ADDRESS         | from 203.0.113.7, then                         | 203.0.113.7
							IP_ADDRESS         | host [2001:db8:0:0:1::42]:443                  | 2001:db8:0:0:1::42
							IP_ADDRESS         | net 198.51.100.0/24.                           | 198.51.100.0/24
							IP_ADDRESS         | mapped ::ffff:198.51.100.9                     | ::ffff:198.51.100.9
							URL                | see https://example.org/a/b?c=d#e, then        | https://example.org/a/b?c=d#e
							URL                | visit www.example.com                          | www.example.com
					URL                | see [docs](https://example.org/a_(b)).         | https://example.org/a_(b)
							CRYPTO             | send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa     | 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa
							CRYPTO             | bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4     | bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4
							ABA_ROUTING_NUMBER | routing 011000015                              | 011000015
							UK_NHS             | NHS number 943 476 5919                        | 943 476 5919
							PHONE_NUMBER       | call +44 20 7946 0958 now                      | +44 20 7946 0958
							PHONE_NUMBER       | office (212) 555-0199                          | (212) 555-0199
							""")
	void findsValidValues(String type, String text, String expected) {
		assertThat(found(type, text)).containsExactly(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			EMAIL_ADDRESS      | not an address: john@localhost or @example.com
			EMAIL_ADDRESS      | john..doe@example.com
			CREDIT_CARD        | 4111 1111 1111 1112
			CREDIT_CARD        | 1234567812345670
			CREDIT_CARD        | 4111 11111111 1111
			IBAN_CODE          | GB82 WEST 1234 5698 7654 33
			IBAN_CODE          | DE89370400440532013
			IBAN_CODE          | XX89370400440532013000
			US_SSN             | 000-12-3456 666-12-3456 912-12-3456 123-00-4567 123-45-0000
			US_SSN             | 536-22.1234
			US_SSN             | 51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA
			IP_ADDRESS         | 256.1.1.1 and 1.2.3 and abc1.2.3.4
			IP_ADDRESS         | 2001:db8::1::2 and 12:30:45 and aa:bb:cc:dd:ee:ff
			URL                | file.txt and http://intranet and www.example
			URL                | it ends here.It goes on to the entity.At last
			PHONE_NUMBER       | logged 2023-04-03 01:22:09 and 13.05.2024 10
			CRYPTO             | 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb
			CRYPTO             | bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5
			ABA_ROUTING_NUMBER | 011000016
			UK_NHS             | 943 476 5918
			PHONE_NUMBER       | +1 23
			PHONE_NUMBER       | Copyright (c) 2001-2003, 2008-2010 the authors
			PHONE_NUMBER       | Boston, MA 02110-1301 USA; pages 633/1941
			""")
	void rejectsInvalidValues(String type, String text) {
		assertThat(found(type, text)).isEmpty();
	}

	@Test
	void contextWordsRaiseWeakCandidates() {
		// a bare national number is weak on its own, a phone word makes it a finding
		assertThat(found("PHONE_NUMBER", "2125550199")).isEmpty();
		assertThat(found("PHONE_NUMBER", "my phone is 2125550199")).containsExactly("2125550199");
	}

	@Test
	void aZipPlusFourCodeAfterItsStateIsNotAnSsn() {
		assertThat(found("US_SSN", "Boston, MA 02110-1301")).isEmpty();
		assertThat(found("US_SSN", "Boston, MA  02111-1307  USA")).isEmpty();
		// nor the digits of a decimal or an object identifier
		assertThat(found("US_SSN", "pi/4 ~ 0.785398164 and OID 1.2.840.113549.1.9")).isEmpty();
		// the same digits without a state code, or with a word that is not one, are read
		// as the weak form of an SSN
		assertThat(found("US_SSN", "ssn 02110-1301")).containsExactly("02110-1301");
		assertThat(found("US_SSN", "ssn XX 02110-1301")).containsExactly("02110-1301");
	}

	@Test
	void numbersInTwoGroupsNeedAPhoneWord() {
		assertThat(found("PHONE_NUMBER", "see 2017-8421")).isEmpty();
		assertThat(found("PHONE_NUMBER", "call me on 2017-8421")).containsExactly("2017-8421");
		// three groups are written like a phone number
		assertThat(found("PHONE_NUMBER", "see 030 2017 8421")).containsExactly("030 2017 8421");
	}

	@Test
	void contextWordsLowerScores() {
		List<PiiEntity> plain = this.analyzer.analyzeAll("536221234");
		List<PiiEntity> order = this.analyzer.analyzeAll("order 536221234");
		double plainScore = plain.stream().filter((e) -> e.type().equals("US_SSN")).findFirst().orElseThrow().score();
		double orderScore = order.stream().filter((e) -> e.type().equals("US_SSN")).findFirst().orElseThrow().score();
		assertThat(orderScore).isLessThan(plainScore);
		assertThat(found("US_SSN", "order 536221234")).isEmpty();
	}

	@Test
	void perTypeDisableAndMinScore() {
		PiiAnalyzer custom = PiiAnalyzer.builder().disable("EMAIL_ADDRESS").minScore("URL", 0.9).build();
		List<PiiEntity> entities = custom.analyze("a@example.com https://example.com 4111111111111111");
		assertThat(entities).extracting(PiiEntity::type).containsExactly("CREDIT_CARD");
		assertThat(custom.supportedTypes()).doesNotContain("EMAIL_ADDRESS").contains("URL");
	}

	@Test
	void randomLuhnNumbersAreFoundAndSingleDigitErrorsRejected() {
		Random random = new Random(42);
		for (int n = 0; n < 200; n++) {
			StringBuilder pan = new StringBuilder("4");
			while (pan.length() < 15) {
				pan.append(random.nextInt(10));
			}
			for (int check = 0; check < 10; check++) {
				if (Checksums.luhn(pan.toString() + check)) {
					pan.append(check);
					break;
				}
			}
			String valid = pan.toString();
			assertThat(found("CREDIT_CARD", "card " + valid + " end")).containsExactly(valid);
			int position = 1 + random.nextInt(14);
			char original = valid.charAt(position);
			char changed = (char) ('0' + ((original - '0' + 1 + random.nextInt(9)) % 10));
			String broken = valid.substring(0, position) + changed + valid.substring(position + 1);
			assertThat(found("CREDIT_CARD", "card " + broken + " end")).isEmpty();
		}
	}

	@Test
	void everySpanIndexesTheText() {
		Random random = new Random(7);
		String alphabet = "ab1 2-3.4@:/+()x9\n";
		for (int n = 0; n < 300; n++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(200);
			for (int i = 0; i < length; i++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			for (PiiEntity entity : this.analyzer.analyze(text.toString())) {
				assertThat(entity.start()).isBetween(0, text.length() - 1);
				assertThat(entity.end()).isBetween(entity.start() + 1, text.length());
			}
		}
	}

}
