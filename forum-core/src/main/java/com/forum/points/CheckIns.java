package com.forum.points;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.TreeSet;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.forum.member.MemberId;

/**
 * The daily check-in (签到): once a day in the member's own time zone, with a bonus every so many
 * days in a row; a missed day starts the streak again. Checking in twice the same day, however
 * concurrently, counts once.
 */
@Service
public class CheckIns {

	private final NamedParameterJdbcTemplate jdbc;

	private final Ledger ledger;

	private final Clock clock;

	private final PointsProperties properties;

	CheckIns(NamedParameterJdbcTemplate jdbc, Ledger ledger, Clock clock, PointsProperties properties) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.clock = clock;
		this.properties = properties;
	}

	@Transactional
	public CheckIn checkIn(MemberId member) {
		// the balance row lock serialises the member's check-ins, so the streak is read after any other
		ledger.lock(member, Account.POINTS);
		LocalDate today = ledger.today(member);
		Integer done = streakOn(member, today);
		if (done != null) {
			return new CheckIn(today, done, 0, false);
		}
		Integer yesterday = streakOn(member, today.minusDays(1));
		int streak = yesterday == null ? 1 : yesterday + 1;
		jdbc.update("insert into check_in (member_id, day, streak, at) values (:member, :day, :streak, :at)",
				new MapSqlParameterSource("member", member.value()).addValue("day", today)
					.addValue("streak", streak)
					.addValue("at", Timestamp.from(clock.instant())));
		PointsProperties.CheckIn rule = properties.checkIn();
		String key = member.value() + ":" + today;
		int points = ledger.post(Posting.of(member, Account.POINTS, rule.daily(), "check-in", "check-in:" + key))
			.amount();
		if (streak % rule.streakDays() == 0) {
			points += ledger
				.post(Posting.of(member, Account.POINTS, rule.streakBonus(), "check-in-streak", "check-in-streak:" + key))
				.amount();
		}
		return new CheckIn(today, streak, points, true);
	}

	/** The calendar of a month (null for the member's current one). */
	@Transactional(readOnly = true)
	public CheckInCalendar calendar(MemberId member, YearMonth month) {
		LocalDate today = ledger.today(member);
		YearMonth shown = month == null ? YearMonth.from(today) : month;
		List<LocalDate> days = jdbc.queryForList("""
				select day from check_in where member_id = :member and day between :first and :last order by day""",
				new MapSqlParameterSource("member", member.value()).addValue("first", shown.atDay(1))
					.addValue("last", shown.atEndOfMonth()),
				LocalDate.class);
		Integer todays = streakOn(member, today);
		Integer yesterdays = streakOn(member, today.minusDays(1));
		int streak = todays != null ? todays : yesterdays != null ? yesterdays : 0;
		int every = properties.checkIn().streakDays();
		// the next bonus comes on the next multiple of the streak length, counting today's check-in if due
		return new CheckInCalendar(today, todays != null, streak, every - streak % every, shown,
				new TreeSet<>(days));
	}

	/** The longest run of days in a row the member ever checked in, for milestones (0 if never). */
	@Transactional(readOnly = true)
	public int longestStreak(MemberId member) {
		Integer longest = jdbc.queryForObject("select coalesce(max(streak), 0) from check_in where member_id = :member",
				new MapSqlParameterSource("member", member.value()), Integer.class);
		return longest == null ? 0 : longest;
	}

	/** Every member who once checked in at least this many days in a row. */
	@Transactional(readOnly = true)
	public List<MemberId> membersWithStreak(int atLeast) {
		return jdbc.queryForList("select distinct member_id from check_in where streak >= :atLeast order by member_id",
				new MapSqlParameterSource("atLeast", atLeast), Long.class)
			.stream()
			.map(MemberId::new)
			.toList();
	}

	private Integer streakOn(MemberId member, LocalDate day) {
		return jdbc.query("select streak from check_in where member_id = :member and day = :day",
				new MapSqlParameterSource("member", member.value()).addValue("day", day), (rs, row) -> rs.getInt(1))
			.stream()
			.findFirst()
			.orElse(null);
	}
}
