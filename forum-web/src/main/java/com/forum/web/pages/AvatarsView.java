package com.forum.web.pages;

import java.util.HashMap;
import java.util.Map;

import com.forum.member.MemberId;
import com.forum.upload.Avatar;
import com.forum.upload.Uploads;

/**
 * The avatars of the members a page shows, looked up once for the page, by the names the templates
 * hold. A member without one shows the initial of their name (the layout's avatar fragment).
 */
public final class AvatarsView {

	private final Map<String, Avatar> byName;

	private AvatarsView(Map<String, Avatar> byName) {
		this.byName = byName;
	}

	/** The avatars of the members given by id with their names. */
	static AvatarsView of(Uploads uploads, Map<MemberId, String> names) {
		Map<MemberId, Avatar> avatars = uploads.avatars(names.keySet());
		Map<String, Avatar> byName = new HashMap<>();
		avatars.forEach((id, avatar) -> byName.put(names.get(id), avatar));
		return new AvatarsView(byName);
	}

	/**
	 * Where the member's avatar is for the layout's size class ({@code avatar-sm}, none, {@code avatar-lg},
	 * {@code avatar-xl}), at twice the shown size for sharp screens; null when they have none.
	 */
	public String src(String name, String sizeClass) {
		Avatar avatar = name == null ? null : byName.get(name);
		if (avatar == null) {
			return null;
		}
		int pixels = switch (sizeClass == null ? "" : sizeClass) {
			case "avatar-sm" -> 48;
			case "avatar-xl" -> 192;
			default -> 96;
		};
		return avatar.url(pixels);
	}
}
