package com.forum.web.api;

/** CSV fields as RFC 4180 wants them, and safe to open in a spreadsheet. */
final class Csv {

	private Csv() {
	}

	static String field(String value) {
		if (value == null) {
			return "";
		}
		// a leading =, +, - or @ would be run as a formula by spreadsheet programs
		String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}
}
