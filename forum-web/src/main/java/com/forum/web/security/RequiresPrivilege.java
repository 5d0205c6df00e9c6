package com.forum.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.forum.member.Privilege;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The handler runs only for a member who holds the privilege: method security asks
 * {@link PrivilegeGate}, which reads the ladder, and a refusal names the privilege, the reputation it
 * needs and the member's own. Page and API handlers of the same action carry the same annotation.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("@privilegeGate.requires('{value}')")
public @interface RequiresPrivilege {

	Privilege value();
}
