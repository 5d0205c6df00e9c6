package com.forum.web.security;

import java.util.function.Supplier;

import com.forum.member.Actor;
import com.forum.member.Privilege;
import com.forum.reputation.Privileges;
import com.forum.reputation.PrivilegeStanding;
import com.forum.shared.PermissionDeniedException;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one place that decides what a member's reputation allows them, by the ladder in the
 * configuration. Method security asks it through {@link RequiresPrivilege} before a handler runs;
 * actions whose privilege depends on what they touch (another member's post, links in a text, a
 * petition's status) get an {@link Actor} carrying the privileges decided here, and the domain's
 * refusal is worded here too. A member's standing is read once per request.
 */
@Component("privilegeGate")
public class PrivilegeGate {

	private static final String STANDING = PrivilegeGate.class.getName() + ".standing";

	private final Privileges privileges;

	PrivilegeGate(Privileges privileges) {
		this.privileges = privileges;
	}

	/** The check behind {@link RequiresPrivilege}: grants members who hold the privilege. */
	public AuthorizationManager<MethodInvocation> requires(String privilege) {
		Privilege required = Privilege.valueOf(privilege);
		return (authentication, invocation) -> decide(authentication, required);
	}

	private AuthorizationResult decide(Supplier<? extends Authentication> authentication, Privilege privilege) {
		Authentication current = authentication.get();
		if (current == null || !(current.getPrincipal() instanceof MemberPrincipal member)) {
			return new AuthorizationDecision(false);
		}
		PrivilegeStanding standing = standing(member);
		return standing.holds(privilege) ? new AuthorizationDecision(true) : denial(standing, privilege);
	}

	/** The member as the domain judges them, with the privileges their reputation allows now. */
	public Actor actor(MemberPrincipal member) {
		if (member == null) {
			throw new PermissionDeniedException("sign-in", "Please sign in first.");
		}
		return new Actor(member.memberId(), member.role(), standing(member).held());
	}

	/** Why the member may not: for a refusal the domain made for want of the privilege. */
	public PrivilegeDenial denial(MemberPrincipal member, Privilege privilege) {
		return denial(standing(member), privilege);
	}

	/** Why the member signed in for this request may not: for a refusal the domain made. */
	public PrivilegeDenial denial(Privilege privilege) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.getPrincipal() instanceof MemberPrincipal member) {
			return denial(member, privilege);
		}
		return new PrivilegeDenial(privilege, privileges.needs(privilege), 0);
	}

	/** The member's reputation and what it allows, read once per request. */
	public PrivilegeStanding standing(MemberPrincipal member) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		String key = STANDING + "." + member.memberId().value();
		if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof PrivilegeStanding known) {
			return known;
		}
		PrivilegeStanding standing = privileges.standing(member.memberId(), member.role());
		if (request != null) {
			request.setAttribute(key, standing, RequestAttributes.SCOPE_REQUEST);
		}
		return standing;
	}

	private static PrivilegeDenial denial(PrivilegeStanding standing, Privilege privilege) {
		return new PrivilegeDenial(privilege, standing.needs(privilege), standing.reputation());
	}
}
