package dev.aisecurity.guard.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in recognisers.
 */
public final class PiiRecognizers {

	private PiiRecognizers() {
	}

	/**
	 * Every built-in recogniser, with default settings.
	 */
	public static List<PiiRecognizer> defaults() {
		List<PiiRecognizer> all = new ArrayList<>();
		all.add(new EmailRecognizer());
		all.add(new UrlRecognizer());
		all.add(new IpAddressRecognizer());
		all.add(new PhoneRecognizer());
		all.addAll(CoreRecognizers.all());
		all.addAll(NationalIdRecognizers.all());
		all.addAll(IdentityDocumentRecognizers.all());
		all.addAll(VehicleAndPostalRecognizers.all());
		all.addAll(TaxAndRegistryRecognizers.all());
		return List.copyOf(all);
	}

}
