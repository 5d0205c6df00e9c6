package com.forum.shared;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How user content may show images. Readers' browsers never load an image from an outside host: in
 * {@code proxy} mode the page loads it from the app's image proxy, which fetches it (only images,
 * never from an internal address, within size and time limits); in {@code refuse} mode posts with
 * images are refused and images already stored show as their text.
 *
 * @param images the mode and the proxy's limits
 */
@Validated
@ConfigurationProperties("forum.content")
public record ContentProperties(@DefaultValue @Valid @NotNull Images images) {

	public enum ImageMode {
		PROXY, REFUSE
	}

	/**
	 * @param mode {@code proxy} or {@code refuse}
	 * @param proxyPath where the app serves proxied images; pages point image sources at it
	 * @param maxSize largest image the proxy passes on; a larger one is cut off and refused
	 * @param connectTimeout longest wait for the outside host to accept the connection
	 * @param readTimeout longest wait for each part of its answer
	 * @param totalTimeout longest a whole fetch may take, however the host drips its bytes
	 * @param maxRedirects redirects followed, each checked like the first address
	 * @param types image types passed on, recognised by their first bytes (never SVG, which can hold script)
	 * @param cacheSize memory the proxy keeps fetched images in, so readers do not each cost a fetch
	 * @param cacheTime how long a fetched image (or a refusal) is reused
	 */
	public record Images(@DefaultValue("proxy") @NotNull ImageMode mode,
			@DefaultValue("/image-proxy") @NotNull String proxyPath, @DefaultValue("2MB") @NotNull DataSize maxSize,
			@DefaultValue("3s") @NotNull @DurationMin(millis = 100) @DurationMax(seconds = 30) Duration connectTimeout,
			@DefaultValue("5s") @NotNull @DurationMin(millis = 100) @DurationMax(seconds = 60) Duration readTimeout,
			@DefaultValue("10s") @NotNull @DurationMin(millis = 100) @DurationMax(seconds = 120) Duration totalTimeout,
			@DefaultValue("3") @PositiveOrZero @Max(10) int maxRedirects,
			@DefaultValue({ "image/png", "image/jpeg", "image/gif", "image/webp" }) @NotEmpty List<String> types,
			@DefaultValue("32MB") @NotNull DataSize cacheSize,
			@DefaultValue("1h") @NotNull @DurationMin(seconds = 0) Duration cacheTime) {
	}
}
