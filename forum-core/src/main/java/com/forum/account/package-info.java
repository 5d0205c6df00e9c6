/**
 * What a member does with their account by e-mail: signing up with a link to confirm the address,
 * choosing a new password through a one-time link, and the answers that tell a stranger nothing about
 * whose address is known. Depends on {@code member} (the accounts) and {@code notification} (the mail).
 */
package com.forum.account;
