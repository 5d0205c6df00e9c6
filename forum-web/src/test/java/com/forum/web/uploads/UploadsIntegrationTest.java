package com.forum.web.uploads;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import com.forum.member.MemberId;
import com.forum.points.Ledger;
import com.forum.web.ApiClient;
import com.forum.web.Browser;
import com.forum.web.ConcurrentIntegrationTest;
import com.forum.web.Reputations;
import com.forum.web.SeededMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Images uploaded for posts and as avatars, through the API, as stored and as served. */
@ConcurrentIntegrationTest
class UploadsIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	PasswordEncoder passwords;

	private final HttpClient http = HttpClient.newHttpClient();

	private String base;

	private SeededMember member;

	@BeforeEach
	void setUp() {
		base = "http://127.0.0.1:" + port;
		member = SeededMember.create(jdbc, "uploader", "MEMBER", "none");
		Reputations.set(ledger, new MemberId(member.id()), 100);
	}

	@Test
	void aRealImageIsReEncodedResizedAndServedAsImmutableUnderItsContentKey() throws IOException {
		HttpResponse<byte[]> uploaded = upload(member.token(), "file", "Sunset over Shenzhen.png", "image/png",
				TestImages.picture(1200, 800, "png", false));

		assertThat(uploaded.statusCode()).isEqualTo(201);
		JsonNode image = json(uploaded);
		String url = image.get("url").asString();
		assertThat(url).matches("/uploads/[0-9a-f]{40}-960\\.jpg");
		assertThat(image.get("markdown").asString()).isEqualTo("![Sunset over Shenzhen](" + url + ")");
		assertThat(image.get("width").asInt()).isEqualTo(960);
		assertThat(image.get("height").asInt()).isEqualTo(640);

		HttpResponse<byte[]> served = Multipart.get(http, base, url);
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(served.headers().firstValue("Cache-Control")).hasValueSatisfying(
				cache -> assertThat(cache).contains("max-age=31536000", "public", "immutable"));
		assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(read(served.body()).getWidth()).isEqualTo(960);
		String full = url.replace("-960.jpg", ".jpg");
		assertThat(read(Multipart.get(http, base, full).body()).getWidth()).isEqualTo(1200);
		assertThat(read(Multipart.get(http, base, url.replace("-960.jpg", "-320.jpg")).body()).getWidth()).isEqualTo(320);
		assertThat(Multipart.get(http, base, "/uploads/..%2F..%2Fetc%2Fpasswd").statusCode()).isBetween(400, 404);
		assertThat(Multipart.get(http, base, "/uploads/" + "a".repeat(40) + ".jpg").statusCode()).isEqualTo(404);
	}

	@Test
	void aPostShowsItsUploadedImageFromTheAppItselfNotThroughTheProxy() {
		HttpResponse<byte[]> uploaded = upload(member.token(), "file", "diagram.png", "image/png",
				TestImages.picture(300, 200, "png", true));
		String markdown = json(uploaded).get("markdown").asString();
		String url = json(uploaded).get("url").asString();
		assertThat(url).endsWith(".png");
		ApiClient api = new ApiClient(port);

		long thread = api.startThread(new ApiClient.Member(member.username(), "", member.token()), "xiaomi-17",
				"The wiring of my dock", "As built:\n\n" + markdown);

		String html = api.get("/api/v1/threads/" + thread, null).json().get("bodyHtml").asString();
		assertThat(html).contains("<img src=\"" + url + "\"").doesNotContain("image-proxy");
	}

	@Test
	void theSameImageUploadedTwiceIsStoredOnceAndCountedOnce() {
		byte[] picture = TestImages.picture(500, 400, "jpg", false);

		String first = json(upload(member.token(), "file", "a.jpg", "image/jpeg", picture)).get("key").asString();
		String second = json(upload(member.token(), "file", "copy of a.jpg", "image/jpeg", picture)).get("key").asString();

		assertThat(second).isEqualTo(first);
		assertThat(jdbc.queryForObject("select count(*) from upload where owner_id = ?", Integer.class, member.id()))
			.isEqualTo(1);
	}

	@Test
	void theTypeIsJudgedByContentNotByNameNorDeclaredType() {
		HttpResponse<byte[]> pngNamedJpeg = upload(member.token(), "file", "holiday.jpg", "image/jpeg",
				TestImages.picture(200, 100, "png", true));
		assertThat(pngNamedJpeg.statusCode()).isEqualTo(201);
		String url = json(pngNamedJpeg).get("url").asString();
		assertThat(url).endsWith(".png");
		assertThat(Multipart.get(http, base, url).headers().firstValue("Content-Type")).hasValue("image/png");

		byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
		HttpResponse<byte[]> htmlNamedPng = upload(member.token(), "file", "cat.png", "image/png", html);
		assertInvalidFile(htmlNamedPng, "JPEG, PNG, GIF or WebP");
		HttpResponse<byte[]> svg = upload(member.token(), "file", "logo.png", "image/png",
				"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8));
		assertInvalidFile(svg, "JPEG, PNG, GIF or WebP");
		// a real image header with nothing after it
		byte[] truncated = java.util.Arrays.copyOf(TestImages.picture(300, 300, "jpg", false), 200);
		assertInvalidFile(upload(member.token(), "file", "cut.jpg", "image/jpeg", truncated), "JPEG, PNG, GIF or WebP");
	}

	@Test
	void exifWithAGpsPositionIsNotInWhatIsServed() {
		byte[] withGps = TestImages.jpegWithGps();
		assertThat(TestImages.hasApp1(withGps)).as("the upload carries EXIF").isTrue();
		assertThat(new String(withGps, StandardCharsets.ISO_8859_1)).contains("Exif");

		HttpResponse<byte[]> uploaded = upload(member.token(), "file", "from my phone.jpg", "image/jpeg", withGps);

		assertThat(uploaded.statusCode()).isEqualTo(201);
		String url = json(uploaded).get("url").asString();
		for (String served : new String[] { url.replace(".jpg", "").replaceAll("-\\d+$", "") + ".jpg", url }) {
			byte[] bytes = Multipart.get(http, base, served).body();
			assertThat(TestImages.hasApp1(bytes)).as("EXIF in %s", served).isFalse();
			assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
		}
	}

	@Test
	void tooManyBytesAndTooManyPixelsAreRefusedBeforeDecoding() {
		byte[] tooLarge = new byte[4 * 1024 * 1024 + 1];
		System.arraycopy(TestImages.picture(10, 10, "png", false), 0, tooLarge, 0, 60);
		assertInvalidFile(upload(member.token(), "file", "huge.png", "image/png", tooLarge), "4 MB");

		HttpResponse<byte[]> bomb = upload(member.token(), "file", "bomb.png", "image/png",
				TestImages.pngClaiming(50_000, 50_000));
		assertInvalidFile(bomb, "40,000,000");

		// past the multipart cap the request is refused unread
		assertThat(upload(member.token(), "file", "enormous.png", "image/png", new byte[7 * 1024 * 1024]).statusCode())
			.isEqualTo(413);
		assertThat(jdbc.queryForObject("select count(*) from upload where owner_id = ?", Integer.class, member.id()))
			.isZero();
	}

	@Test
	void uploadingForPostsNeedsThePrivilegeToPostImagesWhichStaffHold() {
		SeededMember newcomer = SeededMember.create(jdbc, "newcomer", "MEMBER", "none");
		SeededMember moderator = SeededMember.create(jdbc, "imagemod", "MODERATOR", "none");
		byte[] picture = TestImages.picture(64, 64, "png", false);

		HttpResponse<byte[]> refused = upload(newcomer.token(), "file", "mine.png", "image/png", picture);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(json(refused).get("privilege").asString()).isEqualTo("post-links-images");
		assertThat(upload(null, "file", "anonymous.png", "image/png", picture).statusCode()).isEqualTo(401);
		assertThat(upload(moderator.token(), "file", "staff.png", "image/png", picture).statusCode()).isEqualTo(201);
		assertThat(jdbc.queryForObject("select count(*) from upload where owner_id = ?", Integer.class, newcomer.id()))
			.isZero();
	}

	@Test
	void theDailyQuotasRefuseTheUploadPastThemWithARuleNamingThem() {
		jdbc.update("""
				insert into upload (owner_id, purpose, content_key, stored_keys, original_bytes, stored_bytes, width,
				                    height, created_at)
				select ?, 'post', lpad(to_hex(n), 40, '0'), '{}', 10, 10, 1, 1, now() - interval '1 hour'
				from generate_series(1, 40) n""", member.id());

		HttpResponse<byte[]> refused = upload(member.token(), "file", "one more.png", "image/png",
				TestImages.picture(32, 32, "png", false));

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(json(refused).get("type").asString()).endsWith("upload-count-quota");
		assertThat(json(refused).get("detail").asString()).contains("40");

		// a day later the allowance is back; the bytes of a day count too
		jdbc.update("update upload set created_at = now() - interval '25 hours' where owner_id = ?", member.id());
		jdbc.update("""
				insert into upload (owner_id, purpose, content_key, stored_keys, original_bytes, stored_bytes, width,
				                    height, created_at)
				values (?, 'post', 'big', '{}', 1, 40 * 1024 * 1024, 1, 1, now())""", member.id());
		HttpResponse<byte[]> tooMuch = upload(member.token(), "file", "one more.png", "image/png",
				TestImages.picture(32, 32, "png", false));
		assertThat(json(tooMuch).get("type").asString()).endsWith("upload-bytes-quota");
	}

	@Test
	void noFileAnEmptyFileAndTheWrongFieldAreEachRefusedClearly() {
		ApiClient api = new ApiClient(port);
		ApiClient.Response json = api.post("/api/v1/uploads", Map.of("file", "not a file"), member.token());
		assertThat(json.status()).isEqualTo(400);
		assertThat(json.json().get("errors").get(0).get("field").asString()).isEqualTo("file");

		assertInvalidFile(upload(member.token(), "file", "empty.png", "image/png", new byte[0]), "empty");
		assertInvalidFile(upload(member.token(), "image", "right image, wrong field.png", "image/png",
				TestImages.picture(20, 20, "png", false)), "image file");
		Multipart nothing = new Multipart().field("note", "no file here");
		assertInvalidFile(Multipart.send(http, base, "POST", "/api/v1/uploads", nothing, member.token()), "image file");
	}

	@Test
	void anAvatarIsCroppedToSquaresShownOnTheProfileAndRemoved() throws IOException {
		SeededMember newcomer = SeededMember.create(jdbc, "avatar", "MEMBER", "none");
		Multipart form = new Multipart().file("file", "me.jpg", "image/jpeg", TestImages.picture(400, 300, "jpg", false));

		HttpResponse<byte[]> changed = Multipart.send(http, base, "PUT", "/api/v1/members/me/avatar", form,
				newcomer.token());

		assertThat(changed.statusCode()).as(new String(changed.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		JsonNode urls = json(changed).get("urls");
		for (int side : new int[] { 48, 96, 192 }) {
			BufferedImage image = read(Multipart.get(http, base, urls.get(Integer.toString(side)).asString()).body());
			assertThat(image.getWidth()).isEqualTo(side);
			assertThat(image.getHeight()).isEqualTo(side);
		}
		ApiClient api = new ApiClient(port);
		assertThat(api.page("/members/" + newcomer.username())).contains(urls.get("192").asString());

		assertThat(api.delete("/api/v1/members/me/avatar", newcomer.token()).status()).isEqualTo(204);
		assertThat(api.page("/members/" + newcomer.username())).doesNotContain(urls.get("192").asString());
	}

	@Test
	void aBurstOfUploadsIsStoppedByTheRateLimitRule() {
		int last = 0;
		for (int n = 1; n <= 21 && last != 429; n++) {
			last = upload(member.token(), "file", "burst " + n + ".png", "image/png",
					TestImages.picture(16 + n, 16, "png", false)).statusCode();
			if (n < 21) {
				assertThat(last).as("upload %d", n).isEqualTo(201);
			}
		}

		assertThat(last).isEqualTo(429);
		assertThat(jdbc.queryForObject("select count(*) from upload where owner_id = ?", Integer.class, member.id()))
			.isEqualTo(20);
	}

	@Test
	void theFormsAttachAnImageWithoutScriptAndSayWhatIsWrongWithoutAFile() {
		SeededMember writer = SeededMember.signable(jdbc, passwords, "formwriter", "MEMBER");
		Reputations.set(ledger, new MemberId(writer.id()), 100);
		Browser browser = new Browser(port).signIn(writer.username(), SeededMember.PASSWORD);
		String csrf = Browser.csrf(browser.get("/boards/xiaomi-17/new").body());

		Multipart attach = new Multipart().field("_csrf", csrf).field("title", "My desk, as promised").field("body", "")
			.field("attach", "attach").file("image", "desk.png", "image/png", TestImages.picture(700, 500, "png", false));
		HttpResponse<String> attached = browser.post("/boards/xiaomi-17/threads", attach.contentType(), attach.bytes());
		assertThat(attached.statusCode()).isEqualTo(200);
		assertThat(attached.body()).containsPattern("!\\[desk\\]\\(/uploads/[0-9a-f]{40}\\.jpg\\)")
			.doesNotContain("has-error");

		Multipart none = new Multipart().field("_csrf", csrf).field("title", "My desk, as promised").field("body", "x")
			.field("attach", "attach").file("image", "", "application/octet-stream", new byte[0]);
		assertThat(browser.post("/boards/xiaomi-17/threads", none.contentType(), none.bytes()).body())
			.contains("Choose an image file first");

		Multipart post = new Multipart().field("_csrf", csrf).field("title", "My desk, posted at once")
			.field("body", "Here it is.").file("image", "desk.png", "image/png", TestImages.picture(700, 500, "png", false));
		HttpResponse<String> posted = browser.post("/boards/xiaomi-17/threads", post.contentType(), post.bytes());
		assertThat(posted.statusCode()).isEqualTo(302);
		String thread = posted.headers().firstValue("Location").orElseThrow();
		assertThat(browser.get(thread.replaceFirst("^https?://[^/]+", "")).body())
			.containsPattern("<img src=\"/uploads/[0-9a-f]{40}\\.jpg\"");

		Multipart noAvatar = new Multipart().field("_csrf", csrf).file("file", "", "application/octet-stream", new byte[0]);
		assertThat(browser.post("/settings/avatar", noAvatar.contentType(), noAvatar.bytes()).statusCode()).isEqualTo(302);
		assertThat(browser.get("/members/" + writer.username()).body()).contains("id=\"avatar-error\"")
			.contains("must be an image file");
		Multipart html = new Multipart().field("_csrf", csrf).file("file", "me.png", "image/png",
				"<html>not a picture</html>".getBytes(StandardCharsets.UTF_8));
		browser.post("/settings/avatar", html.contentType(), html.bytes());
		assertThat(browser.get("/members/" + writer.username()).body()).contains("JPEG, PNG, GIF or WebP");
	}

	private HttpResponse<byte[]> upload(String token, String field, String name, String type, byte[] bytes) {
		return Multipart.send(http, base, "POST", "/api/v1/uploads", new Multipart().file(field, name, type, bytes),
				token);
	}

	private static void assertInvalidFile(HttpResponse<byte[]> response, String saying) {
		String body = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(response.statusCode()).as(body).isEqualTo(400);
		JsonNode problem = JSON.readTree(body);
		assertThat(problem.get("type").asString()).endsWith("/validation");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");
		assertThat(problem.get("errors").get(0).get("message").asString()).contains(saying);
	}

	private static JsonNode json(HttpResponse<byte[]> response) {
		return JSON.readTree(response.body());
	}

	private static BufferedImage read(byte[] bytes) throws IOException {
		return ImageIO.read(new ByteArrayInputStream(bytes));
	}
}
