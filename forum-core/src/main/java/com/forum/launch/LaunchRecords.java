package com.forum.launch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.forum.member.MemberId;
import com.forum.shared.NotFoundException;

/** Reads and writes the launch tables; the services own the transactions and the rules. */
@Component
class LaunchRecords {

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	LaunchRecords(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Launch find(long id) {
		List<Launch> found = launches("where l.id = :id", new MapSqlParameterSource("id", id));
		return found.isEmpty() ? null : found.getFirst();
	}

	Launch get(long id) {
		Launch launch = find(id);
		if (launch == null) {
			throw new NotFoundException("launch", id);
		}
		return launch;
	}

	/** Locks the launch row: every change of taken and state goes through this lock or a conditional update. */
	Launch lock(long id) {
		jdbc.queryForList("select id from launch where id = :id for update", new MapSqlParameterSource("id", id));
		return get(id);
	}

	List<Launch> launches(String where, MapSqlParameterSource params) {
		List<Launch> rows = jdbc.query("select l.* from launch l " + where + " order by l.opens_at desc, l.id desc",
				params, (rs, row) -> new Launch(rs.getLong("id"), rs.getString("product"), rs.getInt("slots"),
						rs.getInt("taken"), rs.getTimestamp("opens_at").toInstant(), List.of(),
						(Integer) rs.getObject("points_price"), Duration.ofSeconds(rs.getLong("validity_secs")),
						LaunchState.valueOf(rs.getString("state")), rs.getTimestamp("created_at").toInstant()));
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<PriorityWindow>> windows = new HashMap<>();
		jdbc.query("select * from launch_window where launch_id in (:ids)",
				new MapSqlParameterSource("ids", rows.stream().map(Launch::id).toList()),
				rs -> {
					windows.computeIfAbsent(rs.getLong("launch_id"), k -> new ArrayList<>())
						.add(new PriorityWindow(rs.getInt("min_level"), Duration.ofSeconds(rs.getLong("opens_before_secs"))));
				});
		return rows.stream()
			.map(l -> new Launch(l.id(), l.product(), l.slots(), l.taken(), l.opensAt(),
					windows.getOrDefault(l.id(), List.of()), l.pointsPrice(), l.validity(), l.state(), l.createdAt()))
			.toList();
	}

	void replaceWindows(long launch, List<PriorityWindow> windows) {
		jdbc.update("delete from launch_window where launch_id = :id", new MapSqlParameterSource("id", launch));
		for (PriorityWindow window : windows) {
			jdbc.update("insert into launch_window (launch_id, min_level, opens_before_secs) values (:id, :level, :secs)",
					new MapSqlParameterSource("id", launch).addValue("level", window.minLevel())
						.addValue("secs", window.opensBefore().toSeconds()));
		}
	}

	/** Members holding a slot (pending or confirmed). */
	List<MemberId> holders(long launch) {
		return jdbc.queryForList("""
				select member_id from launch_reservation where launch_id = :id and state in ('PENDING', 'CONFIRMED')""",
				new MapSqlParameterSource("id", launch), Long.class).stream().map(MemberId::new).toList();
	}

	Reservation reservation(long id) {
		return reservations("r.id = :id", new MapSqlParameterSource("id", id), "").stream().findFirst()
			.orElseThrow(() -> new NotFoundException("reservation", id));
	}

	/** The member's active reservation of the launch, or null. */
	Reservation active(long launch, MemberId member) {
		return reservations("r.launch_id = :launch and r.member_id = :member and r.state in ('PENDING', 'CONFIRMED')",
				new MapSqlParameterSource("launch", launch).addValue("member", member.value()), "").stream()
			.findFirst().orElse(null);
	}

	List<Reservation> reservations(String where, MapSqlParameterSource params, String tail) {
		return jdbc.query("""
				select r.*, l.product, l.points_price from launch_reservation r join launch l on l.id = r.launch_id
				""" + " where " + where + " order by r.id desc " + tail, params, RESERVATION);
	}

	Long holdOf(long reservation) {
		return jdbc.queryForObject("select hold_id from launch_reservation where id = :id",
				new MapSqlParameterSource("id", reservation), Long.class);
	}

	long audit(long launch, Long reservation, MemberId member, MemberId actor, String action, String detail) {
		return jdbc.queryForObject("""
				insert into launch_audit (launch_id, reservation_id, member_id, actor_id, action, detail, at)
				values (:launch, :reservation, :member, :actor, :action, :detail, :now) returning id""",
				new MapSqlParameterSource("launch", launch).addValue("reservation", reservation)
					.addValue("member", member == null ? null : member.value())
					.addValue("actor", actor == null ? null : actor.value())
					.addValue("action", action)
					.addValue("detail", detail)
					.addValue("now", Timestamp.from(clock.instant())), Long.class);
	}

	NamedParameterJdbcTemplate jdbc() {
		return jdbc;
	}

	private static final RowMapper<Reservation> RESERVATION = (rs, row) -> new Reservation(rs.getLong("id"),
			rs.getLong("launch_id"), rs.getString("product"), new MemberId(rs.getLong("member_id")),
			rs.getString("code"), ReservationState.valueOf(rs.getString("state")), (Integer) rs.getObject("points_price"),
			rs.getBoolean("promoted"), rs.getTimestamp("created_at").toInstant(),
			rs.getTimestamp("expires_at").toInstant(),
			rs.getTimestamp("settled_at") == null ? null : rs.getTimestamp("settled_at").toInstant());
}
