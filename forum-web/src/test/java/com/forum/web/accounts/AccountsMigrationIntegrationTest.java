package com.forum.web.accounts;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.forum.localservices.LocalServices;
import com.forum.member.NameFolding;
import com.forum.web.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts migration (V19) on a database that already has members, some of them look-alikes the
 * old lower-case index let through: every row gets its folded name and skeleton as the application
 * computes them, a collision never fails the migration, and members already there count as confirmed.
 */
@IntegrationTest
class AccountsMigrationIntegrationTest {

	/** The shared test database: used only to make and drop a schema of this test's own. */
	@Autowired
	JdbcTemplate shared;

	@Test
	void existingMembersAreFoldedConfirmedAndLegacyLookAlikesKeptWithoutBlockingTheMigration() {
		String schema = "accounts_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		shared.execute("create schema " + schema);
		try {
			Map<String, Object> connection = LocalServices.current().orElseThrow().connectionProperties();
			DriverManagerDataSource source = new DriverManagerDataSource(
					connection.get("spring.datasource.url") + "?currentSchema=" + schema,
					(String) connection.get("spring.datasource.username"),
					(String) connection.get("spring.datasource.password"));
			JdbcTemplate db = new JdbcTemplate(source);
			Flyway.configure().dataSource(source).schemas(schema).locations("classpath:db/migration").target("17")
				.load().migrate();
			for (String[] member : List.of(new String[] { "admin", "Admin@Forum.Example" },
					new String[] { "\u0430dmin", "look@forum.example" }, new String[] { "Stra\u00dfe", "s1@forum.example" },
					new String[] { "STRASSE", "s2@forum.example" }, new String[] { "小米粉", "fan@forum.example" })) {
				db.update("insert into member (username, email, password_hash, role, created_at) "
						+ "values (?, ?, 'x', 'MEMBER', now() - interval '1 day')", member[0], member[1]);
			}

			Flyway.configure().dataSource(source).schemas(schema).locations("classpath:db/migration").load().migrate();

			Map<String, Map<String, Object>> rows = new java.util.HashMap<>();
			db.queryForList("select * from member").forEach(row -> rows.put((String) row.get("username"), row));
			assertThat(rows.get("admin")).containsEntry("username_folded", "admin")
				.containsEntry("username_skeleton", NameFolding.skeleton("admin"))
				.containsEntry("email", "admin@forum.example");
			assertThat(rows.get("\u0430dmin").get("username_skeleton")).as("a legacy look-alike blocks no one").isNull();
			assertThat(rows.get("Stra\u00dfe")).containsEntry("username_folded", "strasse");
			assertThat((String) rows.get("STRASSE").get("username_folded")).startsWith("strasse#");
			assertThat(rows.get("小米粉")).containsEntry("username_folded", "小米粉");
			assertThat(db.queryForObject("select count(*) from member where email_confirmed_at = created_at", Long.class))
				.isEqualTo(5);

			// a member written by other means than the application gets its folded name, and counts as confirmed
			db.update("insert into member (username, email, password_hash, role, created_at) "
					+ "values ('Seeded-One', 'seeded@forum.example', 'x', 'MEMBER', now())");
			assertThat(db.queryForMap("select username_folded, email_confirmed_at from member where username = 'Seeded-One'"))
				.containsEntry("username_folded", "seeded-one")
				.extractingByKey("email_confirmed_at").isNotNull();
		}
		finally {
			shared.execute("drop schema " + schema + " cascade");
		}
	}
}
