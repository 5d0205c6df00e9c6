/**
 * Members: registration, roles, credentials and access tokens for programs.
 */
package com.forum.member;
