package com.forum.member;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.forum.shared.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Looks members up for other features, which know members only by id. */
@Service
@Transactional(readOnly = true)
public class MemberDirectory {

	private static final String SNAPSHOT = "select id, username, bio, created_at, email_confirmed_at, version from member";

	private final Members members;

	private final JdbcTemplate jdbc;

	MemberDirectory(Members members, JdbcTemplate jdbc) {
		this.members = members;
		this.jdbc = jdbc;
	}

	/**
	 * On the primary, not a read replica: an account registered or a password changed a moment ago signs in
	 * at once (a sign-in comes before anyone is known who wrote lately, see forum.datasource.replica).
	 */
	@Transactional
	public Optional<MemberCredentials> credentials(String username) {
		return members.findByFoldedUsername(NameFolding.fold(username))
			.map(m -> new MemberCredentials(m.id(), m.username(), m.passwordHash(), m.role()));
	}

	public MemberProfile profile(String username) {
		return members.findByFoldedUsername(NameFolding.fold(username)).map(MemberDirectory::profileOf)
			.orElseThrow(() -> new NotFoundException("member", username));
	}

	/**
	 * A profile as strangers see it: a member who signed up but has not confirmed their address is not
	 * shown yet, so a stranger cannot learn from a profile whether a sign-up with someone's address
	 * created an account.
	 */
	public MemberProfile publicProfile(String username) {
		return members.findByFoldedUsername(NameFolding.fold(username))
			.filter(Member::emailConfirmed)
			.map(MemberDirectory::profileOf)
			.orElseThrow(() -> new NotFoundException("member", username));
	}

	/** Whether the member confirmed their address, and since when their sessions hold. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public AccountState account(MemberId id) {
		// asked on every member's first write on a node (then cached): one plain query rather than a
		// read-only transaction around an entity load, which cost a flash sale more than the rest of a refusal
		return jdbc.query("select email_confirmed_at is not null, signed_out_at from member where id = ?",
				(rs, row) -> new AccountState(id, rs.getBoolean(1),
						rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()),
				id.value())
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("member", id));
	}

	public MemberProfile profile(MemberId id) {
		return members.findById(id.value()).map(MemberDirectory::profileOf)
			.orElseThrow(() -> new NotFoundException("member", id));
	}

	public Actor actor(MemberId id) {
		return members.findById(id.value()).map(m -> new Actor(m.id(), m.role()))
			.orElseThrow(() -> new NotFoundException("member", id));
	}

	/** Usernames of several members at once, for lists. */
	public Map<MemberId, String> usernames(Collection<MemberId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		// Every page with posts asks this, several times: one plain query with the ids as an array, since an
		// entity query with a list parameter makes Hibernate translate its query anew for each call
		Long[] wanted = ids.stream().map(MemberId::value).distinct().toArray(Long[]::new);
		Map<MemberId, String> names = new java.util.HashMap<>();
		jdbc.query("select id, username from member where id = any(?)",
				rs -> { names.put(new MemberId(rs.getLong(1)), rs.getString(2)); }, (Object) wanted);
		return names;
	}

	/**
	 * The members these names (as written in a post) belong to, by their folded name, so {@code @MIFAN}
	 * and {@code @ｍｉｆａｎ} find {@code mifan}; names of nobody, and members who have not confirmed
	 * their address yet (strangers may not learn they exist), are left out.
	 */
	public Map<String, MemberName> byNames(Collection<String> names) {
		if (names.isEmpty()) {
			return Map.of();
		}
		String[] folded = names.stream().map(NameFolding::fold).distinct().toArray(String[]::new);
		Map<String, MemberName> found = new java.util.HashMap<>();
		jdbc.query("""
				select id, username, username_folded from member
				where username_folded = any(?) and email_confirmed_at is not null""",
				rs -> { found.put(rs.getString(3), new MemberName(new MemberId(rs.getLong(1)), rs.getString(2))); },
				(Object) folded);
		return found;
	}

	/**
	 * Members whose name begins with the prefix (compared folded, as names are), shortest names first,
	 * for completing an {@code @name} being typed. Members who have not confirmed their address are not
	 * offered.
	 */
	public List<MemberName> suggestions(String prefix, int limit) {
		String folded = NameFolding.fold(prefix);
		if (folded.isEmpty()) {
			return List.of();
		}
		String pattern = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.query("""
				select id, username from member
				where username_folded like ? and email_confirmed_at is not null
				order by length(username_folded), username_folded limit ?""",
				(rs, i) -> new MemberName(new MemberId(rs.getLong(1)), rs.getString(2)), pattern, limit);
	}

	/** The members as read models copy them; unknown ids are left out. */
	public List<MemberSnapshot> snapshots(Collection<MemberId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Long[] wanted = ids.stream().map(MemberId::value).distinct().toArray(Long[]::new);
		return jdbc.query(SNAPSHOT + " where id = any(?)", MemberDirectory::snapshot, (Object) wanted);
	}

	/** Walks every member in batches of ascending id; for rebuilding read models. */
	public void eachSnapshot(int batchSize, Consumer<List<MemberSnapshot>> batch) {
		long after = 0;
		List<MemberSnapshot> found;
		while (!(found = jdbc.query(SNAPSHOT + " where id > ? order by id limit ?", MemberDirectory::snapshot, after,
				batchSize))
			.isEmpty()) {
			batch.accept(found);
			after = found.get(found.size() - 1).id().value();
		}
	}

	private static MemberSnapshot snapshot(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new MemberSnapshot(new MemberId(rs.getLong("id")), rs.getString("username"), rs.getString("bio"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("email_confirmed_at") != null,
				rs.getLong("version"));
	}

	/** Employees and admins by username, for choosing who looks after something. */
	public List<MemberProfile> staff() {
		return members.findByRoleIn(Arrays.stream(Role.values()).filter(Role::isStaff).toList())
			.stream()
			.map(MemberDirectory::profileOf)
			.toList();
	}

	public long count() {
		return members.count();
	}

	private static MemberProfile profileOf(Member member) {
		return new MemberProfile(member.id(), member.username(), member.role(), member.createdAt());
	}

}
