package com.forum.member;

/**
 * Who presented a bearer token: the member, and how they want to be spoken to, read with the token
 * so that an API call needs no second look-up to choose its language.
 */
public record TokenBearer(MemberProfile member, MemberPreferences preferences) {
}
