package com.forum.web.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;

/**
 * The access-control matrix's expectations, read from {@code security/access-matrix.yml}: for every
 * route ("GET /api/v1/threads/{id}"), who may call it, and what a call needs to reach the check
 * (a body, a form, the state of the resource in its path).
 */
final class AccessRules {

	static final String RESOURCE = "security/access-matrix.yml";

	/** Who calls: "owner" is the member who owns the resource in the path, "member" any other member. */
	enum Role {

		ANONYMOUS, MEMBER, OWNER, MODERATOR, EMPLOYEE, ADMIN;

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** Names for sets of roles, so a rule reads as the policy is said. */
	private static final Map<String, Set<Role>> GROUPS = Map.of(
			"everyone", EnumSet.allOf(Role.class),
			"signed-in", EnumSet.complementOf(EnumSet.of(Role.ANONYMOUS)),
			"moderators", EnumSet.of(Role.MODERATOR, Role.ADMIN),
			"staff", EnumSet.of(Role.EMPLOYEE, Role.ADMIN),
			"nobody", EnumSet.noneOf(Role.class));

	/** How a refused caller is answered, besides a sign-in for callers who have none. */
	enum Refusal {

		/** 403 */
		FORBIDDEN,
		/** 404 (or 403): the resource is not shown to them, as someone else's token or a draft */
		NOT_FOUND,
		/** an answer like any other, but nothing changes (a page that says the thing is gone) */
		NO_EFFECT
	}

	/**
	 * One expectation of a route.
	 *
	 * @param allowed who may call it; everyone else is refused
	 * @param state what the resource in the path is like ("solved" thread, "draft" release), or null
	 * @param body the JSON body of an API call, with {@code "{kind}"} standing for a seeded resource's id
	 * @param form the fields of a page's form, likewise
	 * @param path a concrete address for a route whose pattern has no variables to fill (static files)
	 * @param throwaway whether each caller is a member made for the one call (signing out everywhere)
	 * @param consumes whether an allowed call takes the resource away (deletes, publishes, closes it), so
	 * each allowed caller gets one of its own
	 */
	record Case(Set<Role> allowed, Refusal refusal, String state, Object body, Map<String, Object> form,
			String path, boolean throwaway, boolean consumes) {

		boolean allows(Role role) {
			return allowed.contains(role);
		}
	}

	private final Map<String, List<Case>> rules;

	private AccessRules(Map<String, List<Case>> rules) {
		this.rules = rules;
	}

	static AccessRules load() {
		try (InputStream in = AccessRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("No " + RESOURCE + " on the test classpath");
			}
			Map<String, Object> raw = new Yaml().load(in);
			Map<String, List<Case>> rules = new LinkedHashMap<>();
			raw.forEach((route, rule) -> rules.put(route, cases(route, rule)));
			return new AccessRules(rules);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Set<String> routes() {
		return rules.keySet();
	}

	List<Case> of(String route) {
		return rules.get(route);
	}

	private static List<Case> cases(String route, Object rule) {
		if (rule instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
			List<Case> cases = new ArrayList<>();
			for (Object one : list) {
				cases.add(one(route, one));
			}
			return cases;
		}
		return List.of(one(route, rule));
	}

	/** A rule is who may call (a group, a role or a list of them), or a map with "allow" and what the call needs. */
	@SuppressWarnings("unchecked")
	private static Case one(String route, Object rule) {
		if (!(rule instanceof Map<?, ?> map)) {
			return new Case(roles(route, rule), Refusal.FORBIDDEN, null, null, null, null, false, false);
		}
		Set<String> known = Set.of("allow", "refused", "state", "body", "form", "path", "throwaway", "consumes");
		for (Object key : map.keySet()) {
			if (!known.contains(key)) {
				throw new IllegalStateException(route + ": unknown key '" + key + "' (known: " + known + ")");
			}
		}
		Object refused = map.get("refused");
		return new Case(roles(route, map.get("allow")),
				refused == null ? Refusal.FORBIDDEN
						: Refusal.valueOf(refused.toString().toUpperCase(Locale.ROOT).replace('-', '_')),
				(String) map.get("state"), map.get("body"), (Map<String, Object>) map.get("form"),
				(String) map.get("path"), Boolean.TRUE.equals(map.get("throwaway")),
				Boolean.TRUE.equals(map.get("consumes")));
	}

	private static Set<Role> roles(String route, Object who) {
		if (who == null) {
			throw new IllegalStateException(route + ": no 'allow'");
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Object one : who instanceof List<?> list ? list : List.of(who)) {
			String name = one.toString();
			Set<Role> group = GROUPS.get(name);
			if (group != null) {
				roles.addAll(group);
			}
			else {
				try {
					roles.add(Role.valueOf(name.toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalStateException(route + ": '" + name + "' is neither a role "
							+ EnumSet.allOf(Role.class) + " nor a group " + GROUPS.keySet(), ex);
				}
			}
		}
		return roles;
	}
}
