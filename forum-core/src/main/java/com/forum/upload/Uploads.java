package com.forum.upload;

import java.awt.image.BufferedImage;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Privilege;
import com.forum.shared.Digests;
import com.forum.shared.InvalidInputException;
import com.forum.shared.LocalImages;
import com.forum.shared.RuleViolationException;
import com.forum.upload.internal.ProcessedImage;
import com.forum.upload.internal.UploadImages;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members' images: put into posts (for those whose reputation allows images) and as avatars. An image is
 * checked and re-encoded before anything is stored (see {@code ImageCodec}); the record of the upload,
 * the day's quota and the files are one transaction, so a refused or failed upload leaves no row, and
 * an upload that passed is counted once however often the member sends the same image again.
 */
@Service
public class Uploads implements LocalImages {

	/** A key the app made: the content key, an optional size, and the type it encoded. */
	public static final Pattern KEY = Pattern.compile("[0-9a-f]{40}(-s?[0-9]{2,4})?\\.(jpg|png)");

	private static final int CONTENT_KEY_LENGTH = 40;

	private static final int LONGEST_NAME = 80;

	/** Two-key advisory locks of this class serialize one member's uploads while their quota is taken. */
	private static final int QUOTA_LOCK = 0x75706c64;

	private final UploadProperties properties;

	private final UploadStore store;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Pattern localAddress;

	Uploads(UploadProperties properties, UploadStore store, JdbcTemplate jdbc, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.properties = properties;
		this.store = store;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.localAddress = Pattern.compile(Pattern.quote(properties.path() + "/") + KEY.pattern());
	}

	/**
	 * Stores an image for a post and says how to show it. Needs the privilege to post images.
	 *
	 * @param name the file's name as the member's computer called it; only the words of the image's text
	 */
	public UploadedImage uploadImage(Actor actor, String name, byte[] bytes) {
		actor.require(Privilege.POST_LINKS_IMAGES);
		checkSize(bytes);
		String contentKey = contentKey(bytes);
		BufferedImage image = UploadImages.decode(bytes, properties.maxPixels());
		List<ProcessedImage> files = UploadImages.forPost(image, contentKey, properties);
		ProcessedImage shown = UploadImages.shown(files, properties.displayWidth());
		record(actor.id(), "post", contentKey, bytes.length, files, null);
		String url = url(shown.key());
		return new UploadedImage(shown.key(), url, "![" + altText(name) + "](" + url + ")", shown.width(),
				shown.height());
	}

	/** Makes the image, cropped to a square, the member's avatar. */
	public Avatar changeAvatar(Actor actor, byte[] bytes) {
		checkSize(bytes);
		String contentKey = contentKey(bytes);
		BufferedImage image = UploadImages.decode(bytes, properties.maxPixels());
		List<ProcessedImage> files = UploadImages.forAvatar(image, contentKey, properties);
		String extension = files.getFirst().extension();
		record(actor.id(), "avatar", contentKey, bytes.length, files, () -> {
			jdbc.update("""
					insert into member_avatar (member_id, content_key, extension, changed_at) values (?, ?, ?, ?)
					on conflict (member_id) do update
					set content_key = excluded.content_key, extension = excluded.extension, changed_at = excluded.changed_at
					""", actor.id().value(), contentKey, extension, Timestamp.from(clock.instant()));
			events.publishEvent(new AvatarChanged(actor.id()));
		});
		return avatar(contentKey, extension);
	}

	/** The member shows the initial of their name again. The files stay: other rows may name them. */
	public void removeAvatar(MemberId member) {
		transactions.executeWithoutResult(status -> {
			if (jdbc.update("delete from member_avatar where member_id = ?", member.value()) > 0) {
				events.publishEvent(new AvatarChanged(member));
			}
		});
	}

	@Transactional(readOnly = true)
	public Optional<Avatar> avatar(MemberId member) {
		return Optional.ofNullable(avatars(List.of(member)).get(member));
	}

	/** The avatars of those members who have one. */
	@Transactional(readOnly = true)
	public Map<MemberId, Avatar> avatars(Collection<MemberId> members) {
		if (members.isEmpty()) {
			return Map.of();
		}
		Long[] ids = members.stream().map(MemberId::value).distinct().toArray(Long[]::new);
		Map<MemberId, Avatar> avatars = new HashMap<>();
		jdbc.query("select member_id, content_key, extension from member_avatar where member_id = any (?)",
				row -> {
					avatars.put(new MemberId(row.getLong(1)), avatar(row.getString(2), row.getString(3)));
				}, (Object) ids);
		return avatars;
	}

	/** A stored file by the key in its address; empty for a key the app never makes. */
	public Optional<UploadStore.StoredFile> file(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			return Optional.empty();
		}
		return store.get(key);
	}

	@Override
	public boolean serves(String destination) {
		return localAddress.matcher(destination).matches();
	}

	private Avatar avatar(String contentKey, String extension) {
		Map<Integer, String> urls = new TreeMap<>();
		for (int side : properties.avatarSizes()) {
			urls.put(side, url(UploadImages.avatarKey(contentKey, side, extension)));
		}
		return new Avatar(contentKey, urls);
	}

	private String url(String key) {
		return properties.path() + "/" + key;
	}

	private void checkSize(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new InvalidInputException("file", "image-empty", "must be an image, not an empty file");
		}
		if (bytes.length > properties.maxBytes().toBytes()) {
			long megabytes = properties.maxBytes().toMegabytes();
			throw new InvalidInputException("file", "image-bytes", "must be at most %d MB".formatted(megabytes),
					megabytes);
		}
	}

	/**
	 * Records the upload and stores its files in one transaction, within the member's quota for the day;
	 * an image the member uploaded before for the same purpose is neither counted nor recorded again.
	 */
	private void record(MemberId owner, String purpose, String contentKey, long originalBytes,
			List<ProcessedImage> files, Runnable alsoInTransaction) {
		transactions.executeWithoutResult(status -> {
			jdbc.query("select pg_advisory_xact_lock(?, ?)", row -> {
			}, QUOTA_LOCK, (int) owner.value());
			Integer known = jdbc.queryForObject(
					"select count(*) from upload where owner_id = ? and purpose = ? and content_key = ?", Integer.class,
					owner.value(), purpose, contentKey);
			if (known == 0) {
				long storedBytes = files.stream().mapToLong(file -> file.encoded().length).sum();
				checkQuota(owner, storedBytes);
				ProcessedImage largest = files.getFirst();
				jdbc.update("""
						insert into upload (owner_id, purpose, content_key, stored_keys, original_bytes, stored_bytes,
						                    width, height, created_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)
						""", owner.value(), purpose, contentKey, keys(files), originalBytes, storedBytes, largest.width(),
						largest.height(), Timestamp.from(clock.instant()));
				events.publishEvent(new ImageUploaded(owner, contentKey, storedBytes));
			}
			if (alsoInTransaction != null) {
				alsoInTransaction.run();
			}
			// stored last: a refusal above leaves nothing behind, and a failing store rolls the row back
			for (ProcessedImage file : files) {
				store.put(file.key(), file.encoded(), file.contentType());
			}
		});
	}

	private Array keys(List<ProcessedImage> files) {
		return jdbc.execute((Connection connection) -> connection.createArrayOf("text",
				files.stream().map(ProcessedImage::key).toArray()));
	}

	private void checkQuota(MemberId owner, long storedBytes) {
		Instant since = clock.instant().minus(Duration.ofDays(1));
		Map<String, Object> today = jdbc.queryForMap(
				"select count(*) as uploads, coalesce(sum(stored_bytes), 0) as bytes from upload where owner_id = ? and created_at > ?",
				owner.value(), Timestamp.from(since));
		long uploads = ((Number) today.get("uploads")).longValue();
		long bytes = ((Number) today.get("bytes")).longValue();
		UploadProperties.Quota quota = properties.quota();
		if (uploads >= quota.countPerDay()) {
			throw new RuleViolationException("upload-count-quota",
					"You have uploaded %d images in the last 24 hours, the most allowed; try again later."
						.formatted(quota.countPerDay()),
					quota.countPerDay());
		}
		if (bytes + storedBytes > quota.bytesPerDay().toBytes()) {
			long megabytes = quota.bytesPerDay().toMegabytes();
			throw new RuleViolationException("upload-bytes-quota",
					"Your uploads of the last 24 hours would pass %d MB, the most allowed; try again later."
						.formatted(megabytes),
					megabytes);
		}
	}

	private static String contentKey(byte[] bytes) {
		return Digests.sha256Hex(bytes).substring(0, CONTENT_KEY_LENGTH);
	}

	/** The file's name as the image's text, without its extension nor anything Markdown would read. */
	static String altText(String name) {
		String base = name == null ? "" : name.replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
		String text = base.replaceAll("[\\[\\]()<>!*_`\\\\\\p{Cntrl}]", " ").replaceAll("\\s+", " ").strip();
		if (text.isEmpty()) {
			return "image";
		}
		return text.length() > LONGEST_NAME ? text.substring(0, LONGEST_NAME).strip() : text;
	}

}
