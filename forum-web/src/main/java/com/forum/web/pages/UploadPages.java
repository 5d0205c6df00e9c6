package com.forum.web.pages;

import java.time.Duration;

import com.forum.upload.UploadStore;
import com.forum.upload.UploadedImage;
import com.forum.upload.Uploads;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
import com.forum.web.uploads.ImageParts;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Serves uploaded images. A key names its content, so a response never changes: browsers and proxies
 * keep it a year without asking again. The type is the one the app gave the file when it encoded it,
 * and browsers are told not to guess another.
 * <p>
 * Also the pages' twin of {@code POST /api/v1/uploads} for {@code js/uploads.js} (an image pasted or dropped
 * into a post's text): the API takes bearer tokens only, so a page's script sends the session and the
 * form's CSRF token here instead, and gets the same answer.
 */
@Controller
class UploadPages {

	private final Uploads uploads;

	private final PrivilegeGate privileges;

	UploadPages(Uploads uploads, PrivilegeGate privileges) {
		this.uploads = uploads;
		this.privileges = privileges;
	}

	@PostMapping("${forum.uploads.path:/uploads}")
	@ResponseBody
	ResponseEntity<UploadedImage> upload(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		UploadedImage image = uploads.uploadImage(privileges.actor(me), ImageParts.name(file),
				ImageParts.bytes(file));
		return ResponseEntity.status(201).body(image);
	}

	@GetMapping("${forum.uploads.path:/uploads}/{key}")
	ResponseEntity<byte[]> file(@PathVariable String key) {
		UploadStore.StoredFile file = uploads.file(key).orElse(null);
		if (file == null) {
			return ResponseEntity.notFound().cacheControl(CacheControl.maxAge(Duration.ofMinutes(1))).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(file.bytes());
	}
}
