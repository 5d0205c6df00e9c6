package com.forum.web.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import com.forum.web.ApiClient.Member;
import com.forum.web.ConcurrentIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads as people meet them, without a line of script needed: a member picks an avatar with the
 * profile's file field and sees it, then attaches a picture to a reply with the form's file field, sees
 * its Markdown in the text, posts, and finds the picture in the thread with the avatar beside it.
 */
@ConcurrentIntegrationTest
class UploadJourneysTest extends JourneyTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aMemberUploadsAnAvatarAndAttachesAPictureToAReply(String language) throws IOException {
		Member member = reputed(member("photographer"), 100);
		long thread = thread(member("asker"), TALK, "Show your desk " + marker(), "Photos welcome.");
		Path avatar = picture("avatar", 300, 200, Color.ORANGE);
		Path photo = picture("desk", 1200, 900, Color.DARK_GRAY);

		Journey j = journey("uploads", language).signIn(member.username(), member.password());
		j.open("/members/" + member.username());
		j.find("#avatar-file").sendKeys(avatar.toString());
		j.submit("form[action='/settings/avatar']");
		assertThat(j.text("#avatar .alert-success")).isEqualTo(j.message("avatar.changed"));
		assertThat(j.find(".profile-card img.avatar-image").getDomAttribute("src")).matches("/uploads/[0-9a-f]{40}-s192\\.jpg");

		j.open("/threads/" + thread + "/reply");
		j.type("textarea[name='body']", j.say("My desk this morning:", "今天早上的桌面："));
		j.find("#image").sendKeys(photo.toString());
		j.click(".image-field button[name='attach']");
		String body = String.valueOf(j.find("textarea[name='body']").getDomProperty("value"));
		assertThat(body).startsWith(j.say("My desk this morning:", "今天早上的桌面：")).contains("![desk");
		assertThat(body).containsPattern("\\(/uploads/[0-9a-f]{40}-960\\.jpg\\)");

		j.submit("form[data-uploads]");
		assertThat(j.path()).isEqualTo("/threads/" + thread);
		assertThat(j.all(".post-body img")).anySatisfy(
				img -> assertThat(img.getDomAttribute("src")).matches("/uploads/[0-9a-f]{40}-960\\.jpg"));
		assertThat(j.all("img.avatar-image")).anySatisfy(
				img -> assertThat(img.getDomAttribute("src")).matches("/uploads/[0-9a-f]{40}-s96\\.jpg"));
		j.axe("thread with an uploaded picture and an avatar").screenshot("uploads-thread");
	}

	private static Path picture(String name, int width, int height, Color color) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.WHITE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		Path file = Files.createTempFile(name + "-", ".png");
		file.toFile().deleteOnExit();
		ImageIO.write(image, "png", file.toFile());
		return file;
	}
}
