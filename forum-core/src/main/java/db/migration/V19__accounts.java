package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import com.forum.member.NameFolding;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Accounts (issue 14): usernames and e-mail addresses kept unique by their Unicode folding and
 * usernames by their confusable skeleton, e-mail confirmation, one-time links for confirming and
 * resetting, sign-out everywhere and the last use of each token.
 * <p>
 * A Java migration because the folding and the skeletons are ICU's (Unicode's own data), which SQL does
 * not have: the existing rows are filled here with exactly what the application computes.
 */
public class V19__accounts extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection db = context.getConnection();
		try (Statement ddl = db.createStatement()) {
			ddl.execute("""
					alter table member
					    add column username_folded   varchar(128),
					    add column username_skeleton varchar(512),
					    -- null while a member who signed up has not followed the link mailed to them
					    add column email_confirmed_at timestamptz,
					    -- sessions and bearer tokens begun before this instant are over ("sign out everywhere")
					    add column signed_out_at timestamptz""");
		}
		fillFoldedNames(db);
		try (Statement ddl = db.createStatement()) {
			ddl.execute("""
					-- members who were there before confirmation existed keep posting
					update member set email_confirmed_at = created_at;
					-- Sign-up writes null explicitly; a member written by any other means (demo data, an import,
					-- an operator's script) is confirmed, as its address was not given by a stranger.
					alter table member alter column email_confirmed_at set default now();
					alter table member alter column username_folded set not null;
					create unique index member_username_folded_key on member (username_folded);
					-- nulls are distinct: a legacy look-alike keeps its name but blocks no one
					create unique index member_username_skeleton_key on member (username_skeleton);

					-- Writes that bypass the application (seeds, imports) leave the folded name out; this fills it
					-- with PostgreSQL's NFKC and lower case, which equals the application's folding for the
					-- names such writes use (letters, digits and separators of ASCII). The application always
					-- writes its own.
					create function member_fold_username() returns trigger language plpgsql as $$
					begin
					    if new.username_folded is null then
					        new.username_folded := lower(normalize(new.username, NFKC));
					    end if;
					    return new;
					end $$;
					create trigger member_fold_username before insert on member
					    for each row execute function member_fold_username();

					-- one-time links mailed to a member: only a SHA-256 of the secret is kept
					create table account_token (
					    token_hash char(64)    primary key,
					    member_id  bigint      not null references member (id),
					    purpose    varchar(16) not null check (purpose in ('confirm-email', 'reset-password')),
					    created_at timestamptz not null,
					    expires_at timestamptz not null,
					    used_at    timestamptz
					);
					create index account_token_member_idx on account_token (member_id, purpose);

					-- a token's owner lists and revokes their tokens by this number (the hash stays inside)
					alter table access_token add column id bigint generated always as identity unique,
					    -- when a request last used it, to the minute (written at most once a minute)
					    add column last_used_at timestamptz;
					""");
		}
	}

	/**
	 * Folds every existing name and address. Two legacy names that fold to the same key (possible only
	 * through look-alike spellings the old lower-case index let through) cannot share it: the later one
	 * gets its id appended and signs in by that spelling no more, and a later look-alike skeleton is left
	 * empty, so the migration never fails on old data.
	 */
	private static void fillFoldedNames(Connection db) throws Exception {
		Set<String> folded = new HashSet<>();
		Set<String> skeletons = new HashSet<>();
		Set<String> emails = new HashSet<>();
		try (Statement select = db.createStatement();
				ResultSet rows = select.executeQuery("select id, username, email from member order by id");
				PreparedStatement update = db.prepareStatement(
						"update member set username_folded = ?, username_skeleton = ?, email = ? where id = ?")) {
			while (rows.next()) {
				long id = rows.getLong(1);
				String username = rows.getString(2);
				String email = rows.getString(3);
				String key = NameFolding.fold(username);
				String skeleton = NameFolding.skeleton(username);
				String foldedEmail = NameFolding.fold(email);
				update.setString(1, folded.add(key) ? key : key + "#" + id);
				update.setString(2, skeletons.add(skeleton) ? skeleton : null);
				update.setString(3, emails.add(foldedEmail) ? foldedEmail : email);
				update.setLong(4, id);
				update.addBatch();
			}
			update.executeBatch();
		}
	}
}
