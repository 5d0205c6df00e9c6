package com.forum.web.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import com.forum.shared.ContentProperties;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches an outside image for the proxy, and nothing else: http(s) only, every address checked by
 * {@link PublicAddresses} both before the request and when the connection is made (so a name that
 * resolves differently the second time still cannot reach an internal address), redirects followed
 * by hand and checked the same way, no cookies or credentials, a size cap enforced while reading, a
 * deadline for the whole fetch, and only bytes that are one of the allowed image types.
 */
class ImageFetcher implements AutoCloseable {

	/** What the proxy passes on: the bytes and the type their first bytes show. */
	record Image(byte[] bytes, String type) {
	}

	/** Why an image was not passed on; never shown in detail to readers, logged for the staff. */
	static class RefusedImage extends Exception {

		RefusedImage(String reason) {
			super(reason, null, false, false);
		}
	}

	private final ContentProperties.Images limits;

	private final Predicate<InetAddress> allowed;

	private final CloseableHttpClient http;

	ImageFetcher(ContentProperties.Images limits) {
		this(limits, PublicAddresses::isPublic);
	}

	/** With another rule for addresses, for tests that serve images from loopback. */
	ImageFetcher(ContentProperties.Images limits, Predicate<InetAddress> allowed) {
		this.limits = limits;
		this.allowed = allowed;
		Timeout connect = Timeout.of(limits.connectTimeout());
		Timeout read = Timeout.of(limits.readTimeout());
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new CheckedResolver())
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(read).build())
				.setMaxConnTotal(32)
				.setMaxConnPerRoute(4)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).setRedirectsEnabled(false).build())
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableAutomaticRetries()
			.disableContentCompression()
			.setUserAgent("ForumImageProxy/1.0")
			.build();
	}

	Image fetch(String address) throws RefusedImage {
		long deadline = System.nanoTime() + limits.totalTimeout().toNanos();
		URI uri = checked(address);
		for (int redirects = 0;; redirects++) {
			HttpGet get = new HttpGet(uri);
			get.setHeader("Accept", String.join(", ", limits.types()));
			// the app's own pages never count what an image request asks for (see ThreadPages)
			get.setHeader("Sec-Fetch-Dest", "image");
			get.setHeader("Sec-Fetch-Mode", "no-cors");
			Outcome outcome;
			try {
				outcome = http.execute(get, response -> {
					try {
						return read(response, deadline);
					}
					catch (RefusedImageCarrier refused) {
						// drops the connection at once instead of reading out what the host still sends
						get.cancel();
						throw refused;
					}
				});
			}
			catch (RefusedImageCarrier carrier) {
				throw carrier.refusal;
			}
			catch (IOException ex) {
				throw new RefusedImage("fetch failed: " + ex.getClass().getSimpleName() + " " + ex.getMessage());
			}
			if (outcome.image() != null) {
				return outcome.image();
			}
			if (redirects >= limits.maxRedirects()) {
				throw new RefusedImage("too many redirects");
			}
			uri = checked(uri.resolve(outcome.location()).toString());
		}
	}

	private record Outcome(Image image, String location) {
	}

	/** Carries a refusal out of the response handler, which may only throw IOException. */
	private static final class RefusedImageCarrier extends IOException {

		final RefusedImage refusal;

		RefusedImageCarrier(RefusedImage refusal) {
			super(refusal.getMessage(), null);
			this.refusal = refusal;
		}
	}

	private Outcome read(ClassicHttpResponse response, long deadline) throws IOException {
		int status = response.getCode();
		if (status >= 300 && status < 400 && status != 304) {
			Header location = response.getFirstHeader("Location");
			if (location == null) {
				throw new RefusedImageCarrier(new RefusedImage("redirect without a location"));
			}
			return new Outcome(null, location.getValue());
		}
		if (status != 200) {
			throw new RefusedImageCarrier(new RefusedImage("status " + status));
		}
		HttpEntity entity = response.getEntity();
		if (entity == null) {
			throw new RefusedImageCarrier(new RefusedImage("no body"));
		}
		String declared = entity.getContentType() == null ? "" : entity.getContentType().toLowerCase(Locale.ROOT);
		if (!declared.startsWith("image/") || declared.contains("svg")) {
			throw new RefusedImageCarrier(new RefusedImage("not an image: " + declared));
		}
		long max = limits.maxSize().toBytes();
		if (entity.getContentLength() > max) {
			throw new RefusedImageCarrier(new RefusedImage("too large: " + entity.getContentLength()));
		}
		byte[] bytes = readAtMost(entity.getContent(), max, deadline);
		String type = ImageTypes.recognise(bytes);
		if (type == null || !limits.types().contains(type)) {
			throw new RefusedImageCarrier(new RefusedImage("bytes are not an allowed image type"));
		}
		return new Outcome(new Image(bytes, type), null);
	}

	private static byte[] readAtMost(InputStream in, long max, long deadline) throws IOException {
		byte[] buffer = new byte[8192];
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		// not closed here on a refusal: closing would read out the rest; the caller drops the connection
		int read;
		while ((read = in.read(buffer)) != -1) {
			out.write(buffer, 0, read);
			if (out.size() > max) {
				throw new RefusedImageCarrier(new RefusedImage("too large: more than " + max + " bytes"));
			}
			if (System.nanoTime() > deadline) {
				throw new RefusedImageCarrier(new RefusedImage("too slow"));
			}
		}
		return out.toByteArray();
	}

	/** An http(s) address without credentials whose host resolves to allowed addresses only. */
	private URI checked(String address) throws RefusedImage {
		URI uri;
		try {
			uri = new URI(address);
		}
		catch (URISyntaxException ex) {
			throw new RefusedImage("not an address");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw new RefusedImage("not an http(s) address with a host");
		}
		try {
			new CheckedResolver().resolve(uri.getHost());
		}
		catch (UnknownHostException ex) {
			throw new RefusedImage(ex.getMessage());
		}
		return uri;
	}

	/** Resolves as the system does, then refuses the name if any address it gives is not allowed. */
	private final class CheckedResolver implements DnsResolver {

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
			InetAddress[] found = InetAddress.getAllByName(bare);
			for (InetAddress address : found) {
				if (!allowed.test(address)) {
					throw new UnknownHostException("refused: " + host + " resolves to " + address.getHostAddress());
				}
			}
			return found;
		}

		@Override
		public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
			return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
		}

		@Override
		public String resolveCanonicalHostname(String host) throws UnknownHostException {
			return resolve(host)[0].getHostName();
		}
	}

	@Override
	public void close() throws IOException {
		http.close();
	}
}
