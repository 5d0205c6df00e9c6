package com.forum.web.pages;

import java.util.function.Consumer;
import java.util.function.Supplier;

import com.forum.member.PrivilegeRequiredException;
import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;
import com.forum.upload.UploadedImage;
import com.forum.upload.Uploads;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
import com.forum.web.uploads.ImageParts;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/**
 * The image field of the thread and reply forms, which works without JavaScript: the chosen image is
 * stored and its Markdown added to the end of the text. The "attach" button brings the form back with
 * the Markdown in it, for the member to place and write around; sending the form with an image chosen
 * attaches it and posts in one go.
 */
@Component
class Attachments {

	/** What the form's image field came to. */
	enum Outcome {
		/** No image was chosen. */
		NONE,
		/** The image is stored and its Markdown is in the text. */
		ATTACHED,
		/** The image was refused; the form says why. */
		REFUSED
	}

	private final Uploads uploads;

	private final PrivilegeGate privileges;

	Attachments(Uploads uploads, PrivilegeGate privileges) {
		this.uploads = uploads;
		this.privileges = privileges;
	}

	Outcome attach(MultipartFile image, MemberPrincipal member, BindingResult result, Supplier<String> body,
			Consumer<String> changeBody) {
		if (!ImageParts.chosen(image)) {
			return Outcome.NONE;
		}
		try {
			UploadedImage uploaded = uploads.uploadImage(privileges.actor(member), image.getOriginalFilename(),
					ImageParts.bytes(image));
			String text = body.get() == null ? "" : body.get().stripTrailing();
			changeBody.accept(text.isEmpty() ? uploaded.markdown() : text + "\n\n" + uploaded.markdown());
			return Outcome.ATTACHED;
		}
		catch (InvalidInputException ex) {
			MessageSourceResolvable message = Forms.fieldMessage(ex);
			result.reject(message.getCodes()[0], message.getArguments(), message.getDefaultMessage());
		}
		catch (RuleViolationException ex) {
			Forms.reject(result, ex);
		}
		catch (PrivilegeRequiredException ex) {
			Forms.reject(result, privileges.denial(member, ex.privilege()));
		}
		return Outcome.REFUSED;
	}

	/**
	 * The "attach" button: the form comes back with the image's Markdown in its text, checked afresh (a
	 * text not written yet is no mistake then), or saying why the image was refused or that none was chosen.
	 */
	void attachOnly(MultipartFile image, MemberPrincipal member, Object form, Supplier<String> body,
			Consumer<String> changeBody, Model model) {
		BindingResult fresh = new BeanPropertyBindingResult(form, "form");
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", fresh);
		if (attach(image, member, fresh, body, changeBody) == Outcome.NONE) {
			fresh.reject("upload.attach.none");
		}
	}
}
