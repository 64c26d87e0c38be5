package dev.aisecurity.onnx;

/**
 * Keeps the Deep Java Library from downloading anything at run time: its tokenizer jar
 * ships the native library for the common platforms, and on any other platform loading
 * must fail rather than fetch a binary from the network.
 */
final class OfflineNatives {

	/** DJL's switch that turns off every download. */
	static final String DJL_OFFLINE = "ai.djl.offline";

	private OfflineNatives() {
	}

	/**
	 * Turn DJL's offline mode on unless the application set the property itself.
	 */
	static void ensureOffline() {
		if (System.getProperty(DJL_OFFLINE) == null) {
			System.setProperty(DJL_OFFLINE, "true");
		}
	}

}
