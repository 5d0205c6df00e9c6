package com.forum.member;

/**
 * Who presented a bearer token: the member, and how they want to be spoken to, read with the token
 * so that an API call needs no second look-up to choose its language.
 *
 * @param emailConfirmed whether they had confirmed their address when the token was read; a confirmation
 *     is never undone, so a true answer stays true however long it is kept (a false one may be outdated)
 */
public record TokenBearer(MemberProfile member, MemberPreferences preferences, boolean emailConfirmed) {
}
