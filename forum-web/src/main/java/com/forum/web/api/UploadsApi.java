package com.forum.web.api;

import java.net.URI;
import java.util.Map;

import com.forum.upload.Avatar;
import com.forum.upload.UploadedImage;
import com.forum.upload.Uploads;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
import com.forum.web.uploads.ImageParts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Uploads", description = "Images for posts and avatars")
class UploadsApi {

	private final Uploads uploads;

	private final PrivilegeGate privileges;

	UploadsApi(Uploads uploads, PrivilegeGate privileges) {
		this.uploads = uploads;
		this.privileges = privileges;
	}

	/** An uploaded image, with the Markdown that shows it in a post. */
	record UploadResponse(String key, String url, String markdown, int width, int height) {
	}

	/** A member's avatar, one address per size in pixels. */
	record AvatarResponse(Map<Integer, String> urls) {
	}

	@PostMapping("/api/v1/uploads")
	@Operation(summary = "Upload an image for a post (field \"file\"): JPEG, PNG, GIF or WebP, recognised by its "
			+ "content; needs the privilege to post images")
	ResponseEntity<UploadResponse> upload(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		UploadedImage image = uploads.uploadImage(privileges.actor(me), ImageParts.name(file),
				ImageParts.bytes(file));
		return ResponseEntity.created(URI.create(image.url()))
			.body(new UploadResponse(image.key(), image.url(), image.markdown(), image.width(), image.height()));
	}

	@PutMapping("/api/v1/members/me/avatar")
	@Operation(summary = "Set the avatar (field \"file\"): cropped to a square, kept in several sizes")
	AvatarResponse changeAvatar(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		Avatar avatar = uploads.changeAvatar(privileges.actor(me), ImageParts.bytes(file));
		return new AvatarResponse(avatar.urls());
	}

	@DeleteMapping("/api/v1/members/me/avatar")
	@Operation(summary = "Remove the avatar: the initial of the name shows again")
	ResponseEntity<Void> removeAvatar(@AuthenticationPrincipal MemberPrincipal me) {
		uploads.removeAvatar(privileges.actor(me).id());
		return ResponseEntity.noContent().build();
	}
}
