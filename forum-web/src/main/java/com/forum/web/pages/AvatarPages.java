package com.forum.web.pages;

import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;
import com.forum.upload.Uploads;
import com.forum.web.problem.ProblemMessages;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
import com.forum.web.uploads.ImageParts;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The avatar on the member's own profile: a file field and a button, no script needed. A refused image
 * comes back to the profile with the reason next to the field.
 */
@Controller
class AvatarPages {

	private final Uploads uploads;

	private final PrivilegeGate privileges;

	private final ProblemMessages messages;

	AvatarPages(Uploads uploads, PrivilegeGate privileges, ProblemMessages messages) {
		this.uploads = uploads;
		this.privileges = privileges;
		this.messages = messages;
	}

	@PostMapping("/settings/avatar")
	String change(@AuthenticationPrincipal MemberPrincipal member,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		try {
			uploads.changeAvatar(privileges.actor(member), ImageParts.bytes(file));
			redirect.addFlashAttribute("avatarNotice", messages.text("avatar.changed"));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("avatarError", messages.text(Forms.fieldMessage(ex)));
		}
		catch (RuleViolationException ex) {
			// the day's quota, or the burst limit on uploads
			redirect.addFlashAttribute("avatarError", messages.text(ex));
		}
		return profile(member);
	}

	@PostMapping("/settings/avatar/delete")
	String remove(@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		uploads.removeAvatar(privileges.actor(member).id());
		redirect.addFlashAttribute("avatarNotice", messages.text("avatar.removed"));
		return profile(member);
	}

	private static String profile(MemberPrincipal member) {
		return "redirect:/members/" + UriUtils.encodePathSegment(member.getUsername(), "UTF-8") + "#avatar";
	}
}
