package com.forum.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.forum.localservices.LocalServices;

/**
 * The application's mail outbox ({@code outgoing_email}), read as the recipient's mailbox: the tests take
 * the links members are mailed from there and follow them, as a member would. It reads the database of
 * the local services this JVM runs, over a connection of its own, so any helper can use it.
 */
public final class Outbox {

	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	private Outbox() {
	}

	/** The mails to an address, oldest first: subject and body. */
	public static List<Mail> to(String address) {
		Map<String, Object> connection = LocalServices.current().orElseThrow().connectionProperties();
		try (Connection db = DriverManager.getConnection((String) connection.get("spring.datasource.url"),
				(String) connection.get("spring.datasource.username"),
				(String) connection.get("spring.datasource.password"));
				PreparedStatement query = db.prepareStatement(
						"select subject, body from outgoing_email where address = ? order by id")) {
			query.setString(1, address.toLowerCase());
			List<Mail> mails = new ArrayList<>();
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					mails.add(new Mail(rows.getString(1), rows.getString(2)));
				}
			}
			return mails;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Waits for the n-th mail (counting from 1) to an address whose body holds this path, and returns its link. */
	public static String link(String address, String path, int nth) {
		List<String> links = Await.value(Duration.ofSeconds(20), () -> links(address, path), found -> found.size() >= nth);
		return links.get(nth - 1);
	}

	/** The latest link to this path mailed to an address, waiting for the first one. */
	public static String latestLink(String address, String path) {
		List<String> links = Await.value(Duration.ofSeconds(20), () -> links(address, path), found -> !found.isEmpty());
		return links.getLast();
	}

	/** The links to this path mailed to an address so far, oldest first. */
	public static List<String> links(String address, String path) {
		List<String> links = new ArrayList<>();
		for (Mail mail : to(address)) {
			Matcher matcher = LINK.matcher(mail.body());
			while (matcher.find()) {
				if (matcher.group().contains(path)) {
					links.add(matcher.group());
				}
			}
		}
		return links;
	}

	/** The secret a link carries in its {@code token} parameter. */
	public static String token(String link) {
		return java.net.URLDecoder.decode(link.substring(link.indexOf("token=") + "token=".length()),
				java.nio.charset.StandardCharsets.UTF_8);
	}

	public record Mail(String subject, String body) {
	}
}
