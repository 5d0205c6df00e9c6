package com.forum.upload;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Uploads, set in {@code config/storage.yml}: where images are kept and what an upload may be.
 *
 * @param path where the app serves uploads; Markdown of posts points at it
 * @param maxBytes the largest file taken, before anything decodes it
 * @param maxPixels the most pixels (width times height) an image may declare: its header is read before
 *        its pixels, so a small file that would unpack to gigabytes (a decompression bomb) is refused unread
 * @param longestSide an image larger than this on its longest side is scaled down to it
 * @param widths smaller copies made of a post's image, each only when the image is wider
 * @param displayWidth the copy a post shows (the image itself when it is not wider)
 * @param avatarSizes the square sizes an avatar is kept in, in pixels
 * @param quota how much one member may upload in a day
 * @param storage where the files are kept
 */
@Validated
@ConfigurationProperties("forum.uploads")
public record UploadProperties(@DefaultValue("/uploads") @NotNull @Pattern(regexp = "/[a-z-]{1,30}") String path,
		@DefaultValue("4MB") @NotNull DataSize maxBytes,
		@DefaultValue("40000000") @Positive long maxPixels,
		@DefaultValue("2048") @Min(64) @Max(8192) int longestSide,
		@DefaultValue({ "320", "960" }) @NotNull List<@NotNull @Min(16) @Max(4096) Integer> widths,
		@DefaultValue("960") @Min(16) @Max(8192) int displayWidth,
		@DefaultValue({ "48", "96", "192" }) @NotEmpty List<@NotNull @Min(16) @Max(1024) Integer> avatarSizes,
		@DefaultValue @NotNull @Valid Quota quota, @DefaultValue @NotNull @Valid Storage storage) {

	/**
	 * @param bytesPerDay bytes of stored images per member over the last 24 hours
	 * @param countPerDay uploads per member over the last 24 hours
	 */
	public record Quota(@DefaultValue("40MB") @NotNull DataSize bytesPerDay, @DefaultValue("40") @Positive int countPerDay) {
	}

	public enum Kind {
		LOCAL, S3
	}

	/**
	 * @param kind {@code local} (a directory) or {@code s3}
	 * @param directory the directory of {@code local}
	 * @param s3 the bucket of {@code s3}
	 */
	public record Storage(@DefaultValue("local") @NotNull Kind kind,
			@DefaultValue(".forum/data/uploads") @NotBlank String directory, @DefaultValue @NotNull @Valid S3 s3) {
	}

	/**
	 * @param endpoint the service's address; blank for AWS itself
	 * @param region the region the client signs for
	 * @param bucket the bucket the files go into
	 * @param accessKey the access key; blank: the SDK's default credentials chain
	 * @param secretKey the secret key belonging to it
	 * @param pathStyleAccess address the bucket in the path rather than the host name (MinIO, S3Proxy)
	 */
	public record S3(@DefaultValue("") @NotNull String endpoint, @DefaultValue("us-east-1") @NotBlank String region,
			@DefaultValue("forum-uploads") @NotBlank String bucket, @DefaultValue("") @NotNull String accessKey,
			@DefaultValue("") @NotNull String secretKey, @DefaultValue("false") boolean pathStyleAccess) {
	}
}
