package com.forum.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Image sources of user content in {@code proxy} mode: an outside image becomes an address of the
 * app's image proxy, signed so the proxy fetches only what the app itself rendered and cannot be used
 * as an open proxy. Images the app keeps itself ({@link LocalImages}, members' uploads) are shown from
 * their own address; other relative sources (the app's own addresses) are refused. The signing key is made
 * once and kept in the database, so every node and every restart agrees with the links already stored
 * in rendered posts.
 */
@Component
public class ImageProxyLinks implements ImageSources {

	private static final String KEY_NAME = "image-proxy";

	private static final int LONGEST_URL = 2000;

	private final ContentProperties properties;

	private final JdbcTemplate jdbc;

	private final List<LocalImages> localImages;

	private volatile SecretKeySpec key;

	public ImageProxyLinks(ContentProperties properties, JdbcTemplate jdbc, List<LocalImages> localImages) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.localImages = List.copyOf(localImages);
	}

	@Override
	public Optional<String> sourceFor(String destination) {
		if (destination != null && localImages.stream().anyMatch(local -> local.serves(destination))) {
			return Optional.of(destination);
		}
		if (properties.images().mode() != ContentProperties.ImageMode.PROXY || !isOutsideImage(destination)) {
			return Optional.empty();
		}
		String encoded = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(destination.getBytes(StandardCharsets.UTF_8));
		return Optional.of(properties.images().proxyPath() + "?u=" + encoded + "&s=" + sign(encoded));
	}

	@Override
	public boolean acceptsImages() {
		return properties.images().mode() == ContentProperties.ImageMode.PROXY;
	}

	/** The outside address a proxy link stands for, if the link was made by this app. */
	public Optional<String> target(String encoded, String signature) {
		if (encoded == null || signature == null || encoded.length() > LONGEST_URL * 2) {
			return Optional.empty();
		}
		byte[] expected = sign(encoded).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		try {
			String url = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
			return isOutsideImage(url) ? Optional.of(url) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** An absolute http(s) address with a host; anything else (relative, other schemes) stays text. */
	static boolean isOutsideImage(String destination) {
		if (destination == null || destination.length() > LONGEST_URL) {
			return false;
		}
		try {
			URI uri = new URI(destination);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& uri.getRawUserInfo() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private String sign(String encoded) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			byte[] digest = mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec known = key;
		if (known == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			// the first node to need the key stores it; every other one reads the stored one
			jdbc.update("insert into content_key (name, secret) values (?, ?) on conflict (name) do nothing", KEY_NAME,
					fresh);
			byte[] stored = jdbc.queryForObject("select secret from content_key where name = ?", byte[].class,
					KEY_NAME);
			known = new SecretKeySpec(stored, "HmacSHA256");
			key = known;
		}
		return known;
	}
}
