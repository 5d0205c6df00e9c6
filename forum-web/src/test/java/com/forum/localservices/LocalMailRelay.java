package com.forum.localservices;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;

/**
 * The SMTP relay of the cluster on one machine: the {@code prod} profile requires one
 * ({@code FORUM_MAIL_HOST}), and the mail a real relay would send on is appended to a file instead, as
 * {@code ./forum start} appends it to {@code .forum/mail/outgoing.log}. It speaks just the part of SMTP
 * that a mail client uses to hand over a message (no authentication, no TLS), on loopback only.
 */
final class LocalMailRelay implements AutoCloseable {

	private final ServerSocket server;

	private final Path mailbox;

	private LocalMailRelay(ServerSocket server, Path mailbox) {
		this.server = server;
		this.mailbox = mailbox;
	}

	static LocalMailRelay start(int port, Path mailbox) throws IOException {
		Files.createDirectories(mailbox.getParent());
		ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
		LocalMailRelay relay = new LocalMailRelay(server, mailbox);
		Thread.ofPlatform().daemon().name("mail-relay").start(relay::accept);
		return relay;
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				Thread.ofVirtual().name("mail-relay-session").start(() -> converse(client));
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private void converse(Socket client) {
		try (client;
				BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
				OutputStream out = client.getOutputStream()) {
			reply(out, "220 localhost forum mail relay");
			StringBuilder envelope = new StringBuilder();
			String line;
			while ((line = in.readLine()) != null) {
				String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
				switch (verb) {
					case "EHLO", "HELO" -> reply(out, "250 localhost");
					case "MAIL", "RCPT" -> {
						envelope.append(line).append('\n');
						reply(out, "250 OK");
					}
					case "DATA" -> {
						reply(out, "354 end with <CRLF>.<CRLF>");
						keep(envelope, message(in));
						envelope.setLength(0);
						reply(out, "250 OK kept");
					}
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "250 OK"); // RSET, NOOP
				}
			}
		}
		catch (IOException dropped) {
			// the client went away mid-conversation: nothing was handed over
		}
	}

	/** The message up to the lone dot, with the dots that SMTP doubles at the start of a line undone. */
	private static String message(BufferedReader in) throws IOException {
		StringBuilder message = new StringBuilder();
		String line;
		while ((line = in.readLine()) != null && !line.equals(".")) {
			message.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
		}
		return message.toString();
	}

	private synchronized void keep(CharSequence envelope, String message) {
		try {
			Files.writeString(mailbox, "----- " + Instant.now() + "\n" + envelope + message + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() {
		try {
			server.close();
		}
		catch (IOException alreadyClosed) {
			// nothing more to release
		}
	}
}
