package com.forum.member;

import com.forum.shared.PermissionDeniedException;

/**
 * The action needs a privilege the member does not hold (yet, or any more). The web layer words it
 * with the reputation the privilege needs and the member's own; the domain only knows which it is.
 */
public class PrivilegeRequiredException extends PermissionDeniedException {

	private final Privilege privilege;

	public PrivilegeRequiredException(Privilege privilege) {
		super("privilege", "This needs the privilege " + privilege.id() + ".");
		this.privilege = privilege;
	}

	public Privilege privilege() {
		return privilege;
	}
}
