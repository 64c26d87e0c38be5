package dev.aisecurity.web;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} with its default character rules for
 * header names, header values and parameter names, checked by a loop over the characters
 * instead of the regular expressions the firewall uses by default. The rules are the same
 * (every code point assigned and not a control character; a tab also allowed in header
 * values); the firewall checks them on every header an application reads, which made them
 * a measurable share of a fast request's CPU.
 */
public final class StrictFirewallRules {

	private StrictFirewallRules() {
	}

	/**
	 * A {@link StrictHttpFirewall} with its defaults, the character rules checked by
	 * {@link #isAssignedAndNotControl(String)} and
	 * {@link #isAssignedAndNotControlOrTab(String)}.
	 * @return a new firewall
	 */
	public static StrictHttpFirewall strictHttpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(StrictFirewallRules::isAssignedAndNotControl);
		firewall.setAllowedHeaderValues(StrictFirewallRules::isAssignedAndNotControlOrTab);
		firewall.setAllowedParameterNames(StrictFirewallRules::isAssignedAndNotControl);
		return firewall;
	}

	/**
	 * Whether every code point of the text is assigned and not a control character (the
	 * firewall's default rule for header and parameter names).
	 * @param text the text
	 * @return true when allowed
	 */
	public static boolean isAssignedAndNotControl(String text) {
		return allowed(text, false);
	}

	/**
	 * Whether every code point of the text is assigned and either not a control character
	 * or a tab (the firewall's default rule for header values).
	 * @param text the text
	 * @return true when allowed
	 */
	public static boolean isAssignedAndNotControlOrTab(String text) {
		return allowed(text, true);
	}

	private static boolean allowed(String text, boolean tab) {
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x100) {
				// every Latin-1 character is assigned; its controls are C0, DEL and C1
				if ((c < 0x20 || (c >= 0x7f && c <= 0x9f)) && !(tab && c == '\t')) {
					return false;
				}
				continue;
			}
			int codePoint = text.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || type == Character.CONTROL) {
				return false;
			}
			i += Character.charCount(codePoint) - 1;
		}
		return true;
	}

}
