package dev.aisecurity.guard.pii;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vehicle registrations and postcodes: values built from each published format are found,
 * values breaking one of its rules (a letter not issued, a code out of range, a wrong
 * layout) are not, weak formats need a context word, and the look-alikes of ordinary text
 * (versions, ticket ids, part numbers, sizes, dates) are never found. The values were
 * made up for these tests.
 */
class VehicleAndPostalRecognizerTests {

	private static final Set<String> TYPES = Set.of("UK_POSTCODE", "DE_PLZ", "UK_VEHICLE_REGISTRATION",
			"TR_LICENSE_PLATE", "IN_VEHICLE_REGISTRATION", "NG_VEHICLE_REGISTRATION", "DE_KFZ");

	private final PiiAnalyzer analyzer = PiiAnalyzer.defaults();

	private List<String> found(String type, String text) {
		return PiiFindings.of(this.analyzer, type, text);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			UK_POSTCODE             | Send it to SW1A 1AA please  | SW1A 1AA
			UK_POSTCODE             | Manchester M1 1AE           | M1 1AE
			UK_POSTCODE             | Birmingham B33 8TH.         | B33 8TH
			UK_POSTCODE             | Croydon CR2 6XH             | CR2 6XH
			UK_POSTCODE             | DN55 1PT                    | DN55 1PT
			UK_POSTCODE             | London W1A 0AX              | W1A 0AX
			UK_POSTCODE             | London EC1A 1BB             | EC1A 1BB
			UK_POSTCODE             | Girobank GIR 0AA            | GIR 0AA
			UK_VEHICLE_REGISTRATION | I drive BD51 SMR daily      | BD51 SMR
			UK_VEHICLE_REGISTRATION | YK68 FNP was parked outside | YK68 FNP
			UK_VEHICLE_REGISTRATION | seen: LA02 XYZ              | LA02 XYZ
			IN_VEHICLE_REGISTRATION | MH 12 AB 1234 is mine       | MH 12 AB 1234
			IN_VEHICLE_REGISTRATION | it was MH12AB1234           | MH12AB1234
			IN_VEHICLE_REGISTRATION | the KA-01-MX-4321 taxi      | KA-01-MX-4321
			IN_VEHICLE_REGISTRATION | in Delhi DL 3C AB 1234      | DL 3C AB 1234
			IN_VEHICLE_REGISTRATION | TN 09 BZ 0001               | TN 09 BZ 0001
			IN_VEHICLE_REGISTRATION | moved with 22 BH 1234 AA   | 22 BH 1234 AA
			IN_VEHICLE_REGISTRATION | moved with 21BH0001C       | 21BH0001C
			""")
	void specificValuesAreFoundWithoutContext(String type, String text, String value) {
		assertThat(found(type, text)).containsExactly(value);
	}

	/**
	 * Each text has a context word, so that even a weak reading would be reported: the
	 * format's rules alone reject these.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			UK_POSTCODE             | postcode QA1 1AA
			UK_POSTCODE             | postcode AJ1 1AA
			UK_POSTCODE             | postcode M1 1CA
			UK_POSTCODE             | postcode M1 1AK
			UK_POSTCODE             | postcode B1A 1AA
			UK_POSTCODE             | postcode SW1C 1AA
			UK_POSTCODE             | postcode M1 AAA
			UK_POSTCODE             | postcode 1SW 1AA
			UK_POSTCODE             | postcode Sw1A 1aA
			UK_POSTCODE             | postcode sw1a1aa
			DE_PLZ                  | PLZ 00999
			DE_PLZ                  | PLZ 99999
			DE_PLZ                  | PLZ 43210
			DE_PLZ                  | PLZ 3.14159
			DE_PLZ                  | PLZ 123456
			DE_PLZ                  | PLZ 1234
			DE_PLZ                  | PLZ see #10115
			UK_VEHICLE_REGISTRATION | reg IB12 CDE
			UK_VEHICLE_REGISTRATION | reg JB12 CDE
			UK_VEHICLE_REGISTRATION | reg AQ12 CDE
			UK_VEHICLE_REGISTRATION | reg AB01 CDE
			UK_VEHICLE_REGISTRATION | reg AB99 CDE
			UK_VEHICLE_REGISTRATION | reg AB12 CIE
			UK_VEHICLE_REGISTRATION | reg AB12 CDQ
			UK_VEHICLE_REGISTRATION | reg AB123 CDE
			UK_VEHICLE_REGISTRATION | reg bd51 smr
			TR_LICENSE_PLATE        | plaka 82 AB 123
			TR_LICENSE_PLATE        | plaka 00 AB 123
			TR_LICENSE_PLATE        | plaka 34 A 123
			TR_LICENSE_PLATE        | plaka 34 ABC 1234
			TR_LICENSE_PLATE        | plaka 34 AQ 123
			TR_LICENSE_PLATE        | plaka 34 AB-123
			TR_LICENSE_PLATE        | plaka 34 abc 123
			TR_LICENSE_PLATE        | plaka 34 AB 000
			IN_VEHICLE_REGISTRATION | vehicle registration XX 12 AB 1234
			IN_VEHICLE_REGISTRATION | vehicle registration MH 00 AB 1234
			IN_VEHICLE_REGISTRATION | vehicle registration MH 12 ABCD 1234
			IN_VEHICLE_REGISTRATION | vehicle registration MH 12 AB 12345
			IN_VEHICLE_REGISTRATION | vehicle registration MH 12 AB 0000
			IN_VEHICLE_REGISTRATION | vehicle registration mh12ab1234
			IN_VEHICLE_REGISTRATION | vehicle registration MH121234
			IN_VEHICLE_REGISTRATION | vehicle registration 20 BH 1234 AA
			IN_VEHICLE_REGISTRATION | vehicle registration 22 BH 1234 IO
			NG_VEHICLE_REGISTRATION | plate LSD 000 AB
			NG_VEHICLE_REGISTRATION | plate LS 123 AB
			NG_VEHICLE_REGISTRATION | plate LSD 1234 AB
			NG_VEHICLE_REGISTRATION | plate lsd 123 ab
			NG_VEHICLE_REGISTRATION | plate LSD 123-AB
			DE_KFZ                  | Kennzeichen M-AB 01234
			DE_KFZ                  | Kennzeichen M-SS 123
			DE_KFZ                  | Kennzeichen ABCD-AB 123
			DE_KFZ                  | Kennzeichen M-AB-1234
			DE_KFZ                  | Kennzeichen M-ABC 12
			DE_KFZ                  | Kennzeichen ABC-DE 1234
			DE_KFZ                  | Kennzeichen M-AB 123X
			DE_KFZ                  | Kennzeichen m-ab 1234
			""")
	void valuesBreakingTheFormatAreNotFound(String type, String text) {
		assertThat(found(type, text)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			UK_POSTCODE             | SW1A1AA    | postcode SW1A1AA
			UK_POSTCODE             | sw1a 1aa   | my postcode is sw1a 1aa
			UK_POSTCODE             | FA1 2AB    | postal address FA1 2AB
			DE_PLZ                  | 10115      | PLZ 10115 Berlin
			DE_PLZ                  | 80331      | Postleitzahl: 80331
			DE_PLZ                  | 01067      | Anschrift: Hauptstr. 5, 01067 Dresden
			UK_POSTCODE             | M1 8GB     | postcode M1 8GB
			UK_POSTCODE             | E1 2TB     | postal address E1 2TB
			UK_VEHICLE_REGISTRATION | BD51SMR    | reg BD51SMR
			UK_VEHICLE_REGISTRATION | FY24 EPS   | reg FY24 EPS
			UK_VEHICLE_REGISTRATION | MY25 BMW   | registration MY25 BMW
			TR_LICENSE_PLATE        | 34 ABC 123 | plaka: 34 ABC 123
			TR_LICENSE_PLATE        | 06 A 1234  | araç plakası 06 A 1234
			TR_LICENSE_PLATE        | 34-AB-1234 | license plate 34-AB-1234
			TR_LICENSE_PLATE        | 35AB123    | plate 35AB123
			IN_VEHICLE_REGISTRATION | MH 12 1234 | vehicle MH 12 1234
			IN_VEHICLE_REGISTRATION | MH12A1     | registration MH12A1
			NG_VEHICLE_REGISTRATION | LSD 123 AB | plate number LSD 123 AB
			NG_VEHICLE_REGISTRATION | KJA-456-XY | vehicle KJA-456-XY
			NG_VEHICLE_REGISTRATION | KJA-456XY  | vehicle KJA-456XY
			NG_VEHICLE_REGISTRATION | ABC123XY   | my car is ABC123XY
			DE_KFZ                  | M-AB 1234  | Kennzeichen M-AB 1234
			DE_KFZ                  | HH AB 123E | Kennzeichen: HH AB 123E
			DE_KFZ                  | B-XY 99H   | Kfz-Kennzeichen B-XY 99H
			""")
	void weakValuesNeedAContextWord(String type, String bare, String withContext) {
		assertThat(found(type, bare)).isEmpty();
		assertThat(found(type, "The value " + bare + " was noted.")).isEmpty();
		assertThat(found(type, withContext)).containsExactly(bare);
	}

	@Test
	void ukAgeIdentifiersAreValidOnceIssued() {
		// March: the year; September: the year plus 50; 01 never issued
		assertThat(VehicleAndPostalRecognizers.ukAgeIssued(2, 2002)).isTrue();
		assertThat(VehicleAndPostalRecognizers.ukAgeIssued(25, 2025)).isTrue();
		assertThat(VehicleAndPostalRecognizers.ukAgeIssued(26, 2025)).isFalse();
		assertThat(VehicleAndPostalRecognizers.ukAgeIssued(51, 2001)).isTrue();
		assertThat(VehicleAndPostalRecognizers.ukAgeIssued(75, 2025)).isTrue();
		assertThat(VehicleAndPostalRecognizers.ukAgeIssued(76, 2025)).isFalse();
		assertThat(VehicleAndPostalRecognizers.ukAgeIssued(0, 2049)).isFalse();
		assertThat(VehicleAndPostalRecognizers.ukAgeIssued(0, 2050)).isTrue();
		assertThat(VehicleAndPostalRecognizers.ukAgeIssued(1, 2099)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Upgrade to version 1.2.3 today", "See ticket AB-1234 and JIRA-5678",
			"PROJ-12345 is blocked", "ISO 8601 and RFC 2616", "Use SHA256 or AES256 with TLS13",
			"The RTX 4090 and the iPhone 15 Pro", "Python 3.12 on Windows 11", "Part number AB12-CDE-9",
			"dated 2024-05-13 or 13.05.2024", "16 GB 3200 MHz", "expires 15-MAR-24", "on 15 MAR 24", "color: #AB12EF;",
			"commit 14ae307 and 14AE307", "License: CC-BY-SA-3.0", "Mac OS X 10.9", "B2B, H264 AVC, X11R6, V1 CPU",
			"VLE 16D relocations", "numbers between 10 and 35", "RFC 791 IP", "Order 12345 shipped", "port 54321",
			"the car has CC-BY-SA-3.0 stickers", "my car runs Mac OS X 10.9", "vehicle weighs 1.25000 tonnes",
			"Postleitzahl 3,14159", "MP3 and MP4 files", "A4 paper", "E=mc2", "Closes: #57280, #86977",
			"JIRA ENG-123 and ENG-4567", "the M32RX and cortex-a65ae cores", "\\u07ff and d7029db",
			"MacBook Air M1 8GB 256GB SSD", "an M2 2TB drive", "FY24 EPS grew, FY25 USD revenue, CY23 GDP fell",
			"the MY25 BMW X5" })
	void lookalikesAreNotFound(String text) {
		assertThat(this.analyzer.analyze(text)).filteredOn((e) -> TYPES.contains(e.type())).isEmpty();
	}

}
