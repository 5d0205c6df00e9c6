package com.forum.petition;

/**
 * An employee's decision on a petition.
 *
 * @param response the official words published with the change (required to decline or reopen)
 * @param release the release a shipped petition shipped in
 * @param duplicateOf the original a duplicate is merged into
 */
public record StatusChange(PetitionStatus status, String response, ReleaseId release, PetitionId duplicateOf) {
}
