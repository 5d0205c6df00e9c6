package com.forum.upload;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** A member uploaded an image (for a post or as their avatar) that they had not uploaded before. */
public record ImageUploaded(MemberId ownerId, String key, long bytes) implements DomainEvent {
}
