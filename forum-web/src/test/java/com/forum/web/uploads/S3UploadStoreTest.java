package com.forum.web.uploads;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;

import javax.imageio.ImageIO;

import com.forum.upload.UploadProperties;
import com.forum.upload.internal.ProcessedImage;
import com.forum.upload.internal.S3UploadStore;
import com.forum.upload.internal.UploadImages;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S3 store against a real S3 server in this JVM: S3Proxy over jclouds' in-memory blob store, signing
 * checked (AWS v4) like AWS does. No Spring context: the store is built as the configuration builds it.
 */
class S3UploadStoreTest {

	private static final String BUCKET = "forum-uploads";

	private static BlobStoreContext blobs;

	private static S3Proxy proxy;

	private static S3UploadStore store;

	@BeforeAll
	static void startS3() throws Exception {
		blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential").build(BlobStoreContext.class);
		blobs.getBlobStore().createContainerInLocation(null, BUCKET);
		proxy = S3Proxy.builder()
			.blobStore(blobs.getBlobStore())
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "forum-access", "forum-secret")
			.endpoint(URI.create("http://127.0.0.1:0"))
			.build();
		proxy.start();
		while (!proxy.getState().equals("STARTED")) {
			Thread.sleep(10);
		}
		store = new S3UploadStore(new UploadProperties.S3("http://127.0.0.1:" + proxy.getPort(), "us-east-1", BUCKET,
				"forum-access", "forum-secret", true));
	}

	@AfterAll
	static void stopS3() throws Exception {
		store.close();
		proxy.stop();
		blobs.close();
	}

	@Test
	void putGetAndDeleteKeepTheBytesAndTheTypeTheAppGave() {
		byte[] bytes = TestImages.picture(40, 30, "png", true);
		String key = "0123456789abcdef0123456789abcdef01234567.png";

		store.put(key, bytes, "image/png");

		assertThat(store.get(key)).hasValueSatisfying(file -> {
			assertThat(file.bytes()).isEqualTo(bytes);
			assertThat(file.contentType()).isEqualTo("image/png");
		});
		store.delete(key);
		assertThat(store.get(key)).isEmpty();
		assertThat(store.get("ffffffffffffffffffffffffffffffffffffffff.jpg")).isEmpty();
	}

	@Test
	void anUploadedImageGoesThroughTheStoreEndToEnd() throws IOException {
		UploadProperties properties = new Binder().bindOrCreate("forum.uploads", UploadProperties.class);
		BufferedImage image = UploadImages.decode(TestImages.picture(1500, 1000, "jpg", false), properties.maxPixels());
		List<ProcessedImage> files = UploadImages.forPost(image, "abcdefabcdefabcdefabcdefabcdefabcdefabcd", properties);

		files.forEach(file -> store.put(file.key(), file.encoded(), file.contentType()));

		assertThat(files).extracting(ProcessedImage::key)
			.containsExactly("abcdefabcdefabcdefabcdefabcdefabcdefabcd.jpg",
					"abcdefabcdefabcdefabcdefabcdefabcdefabcd-960.jpg", "abcdefabcdefabcdefabcdefabcdefabcdefabcd-320.jpg");
		for (ProcessedImage file : files) {
			var stored = store.get(file.key()).orElseThrow();
			assertThat(stored.contentType()).isEqualTo("image/jpeg");
			BufferedImage read = ImageIO.read(new ByteArrayInputStream(stored.bytes()));
			assertThat(read.getWidth()).isEqualTo(file.width());
		}
	}
}
