package com.forum.web.pages;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.forum.points.CheckInCalendar;
import com.forum.points.LedgerEntry;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the points pages show, shaped for the templates: the check-in calendar as weeks of days, and
 * ledger entries with their reason's name from the bundles ({@code points.reason.check-in}).
 */
@Component
class PointsView {

	private final MessageSource messages;

	PointsView(MessageSource messages) {
		this.messages = messages;
	}

	/** A fresh token for a form that must count once however often it is sent (a double click). */
	static String formToken() {
		return UUID.randomUUID().toString();
	}

	/** A token sent with a form, or a fresh one when it is missing or not one of ours. */
	static String requestKey(String token) {
		return token != null && token.matches("[0-9a-f-]{36}") ? token : formToken();
	}

	Calendar calendar(CheckInCalendar calendar) {
		Locale locale = LocaleContextHolder.getLocale();
		YearMonth month = calendar.month();
		List<List<Day>> weeks = new ArrayList<>();
		List<Day> week = new ArrayList<>();
		// weeks start on Monday, as calendars do in China and in ISO 8601
		for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
			week.add(Day.BLANK);
		}
		for (int n = 1; n <= month.lengthOfMonth(); n++) {
			LocalDate date = month.atDay(n);
			week.add(new Day(n, calendar.checkedIn().contains(date), date.equals(calendar.today())));
			if (week.size() == 7) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			while (week.size() < 7) {
				week.add(Day.BLANK);
			}
			weeks.add(week);
		}
		List<WeekDay> weekDays = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			weekDays.add(new WeekDay(day.getDisplayName(TextStyle.SHORT, locale),
					day.getDisplayName(TextStyle.FULL, locale)));
		}
		String title = DateTimeFormatter
			.ofPattern(messages.getMessage("points.calendar.month-pattern", null, locale), locale)
			.format(month);
		return new Calendar(title, weekDays, weeks, calendar);
	}

	List<Row> rows(List<LedgerEntry> entries) {
		return entries.stream().map(entry -> new Row(entry, reasonKey(entry.reason()))).toList();
	}

	/** The bundle key naming a reason; a reason the bundles do not know reads as "other". */
	String reasonKey(String reason) {
		String key = "points.reason." + reason;
		return messages.getMessage(key, null, null, Locale.ENGLISH) == null ? "points.reason.other" : key;
	}

	/** The month's calendar: a title such as "May 2026", the weekdays' names and the weeks. */
	record Calendar(String title, List<WeekDay> weekDays, List<List<Day>> weeks, CheckInCalendar state) {
	}

	record WeekDay(String abbreviation, String name) {
	}

	/** A day of the month; number 0 fills the week before the 1st and after the last day. */
	record Day(int number, boolean checkedIn, boolean today) {

		static final Day BLANK = new Day(0, false, false);

		public boolean blank() {
			return number == 0;
		}
	}

	/** A ledger entry with the key of its reason's name. */
	record Row(LedgerEntry entry, String reasonKey) {

		public boolean reversal() {
			return entry.reverses() != null;
		}

		/** "+1,000", "-5", "0": the sign is always written, so a gain and a loss are told apart at a glance. */
		public String signedAmount() {
			String number = java.text.NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale())
				.format(entry.amount());
			return entry.amount() > 0 ? "+" + number : number;
		}
	}
}
