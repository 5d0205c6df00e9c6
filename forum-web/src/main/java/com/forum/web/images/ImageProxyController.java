package com.forum.web.images;

import java.time.Duration;

import com.forum.shared.ContentProperties;
import com.forum.shared.ImageProxyLinks;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The image proxy: pages load outside images of user content from here, so a reader's browser never
 * tells the poster's host who reads, and the host never learns more than that the forum fetched it.
 * Only addresses the app signed when it rendered the post are fetched. Fetched images (and refusals)
 * are kept for a while, so a popular post costs one fetch, not one per reader.
 */
@Controller
class ImageProxyController {

	private static final Logger log = LoggerFactory.getLogger(ImageProxyController.class);

	/** A refusal kept in the cache like an image, so a broken source is not fetched again per reader. */
	private static final ImageFetcher.Image REFUSED = new ImageFetcher.Image(new byte[0], "");

	private final ImageProxyLinks links;

	private final ContentProperties properties;

	private final ImageFetcher fetcher;

	private final Cache<String, ImageFetcher.Image> cache;

	ImageProxyController(ImageProxyLinks links, ContentProperties properties) {
		this.links = links;
		this.properties = properties;
		this.fetcher = new ImageFetcher(properties.images());
		this.cache = Caffeine.newBuilder()
			.maximumWeight(properties.images().cacheSize().toBytes())
			.weigher((String url, ImageFetcher.Image image) -> url.length() + image.bytes().length + 64)
			.expireAfterWrite(properties.images().cacheTime())
			.build();
	}

	@GetMapping("${forum.content.images.proxy-path:/image-proxy}")
	ResponseEntity<byte[]> image(@RequestParam(name = "u") String encoded, @RequestParam(name = "s") String signature) {
		if (properties.images().mode() != ContentProperties.ImageMode.PROXY) {
			return ResponseEntity.notFound().build();
		}
		String url = links.target(encoded, signature).orElse(null);
		if (url == null) {
			return ResponseEntity.notFound().build();
		}
		ImageFetcher.Image image = cache.get(url, this::fetch);
		if (image == REFUSED) {
			return ResponseEntity.notFound().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.type()))
			.cacheControl(CacheControl.maxAge(properties.images().cacheTime()).cachePublic())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(image.bytes());
	}

	private ImageFetcher.Image fetch(String url) {
		try {
			return fetcher.fetch(url);
		}
		catch (ImageFetcher.RefusedImage ex) {
			log.info("Image proxy refused {}: {}", url, ex.getMessage());
			return REFUSED;
		}
	}

	@PreDestroy
	void close() throws Exception {
		fetcher.close();
	}
}
