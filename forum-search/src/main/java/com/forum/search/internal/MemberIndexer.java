package com.forum.search.internal;

import java.io.IOException;
import java.util.List;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberEmailConfirmed;
import com.forum.member.MemberId;
import com.forum.member.MemberRegistered;
import com.forum.member.MemberSnapshot;
import com.forum.member.ProfileDescribed;
import com.forum.shared.DomainEvent;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Keeps the members index in step with the database. Like the other indexers it takes from the
 * event only which member changed, reloads them and writes their current state with its version, so
 * a repeated or reordered delivery cannot bring back an older name or bio.
 */
@Component
public class MemberIndexer {

	private final MemberDirectory members;

	private final MemberIndex index;

	MemberIndexer(MemberDirectory members, MemberIndex index) {
		this.members = members;
		this.index = index;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	@Async(ElasticsearchConfiguration.INDEXING_LANE)
	void on(MemberRegistered event) throws IOException {
		handle(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	@Async(ElasticsearchConfiguration.INDEXING_LANE)
	void on(MemberEmailConfirmed event) throws IOException {
		handle(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	@Async(ElasticsearchConfiguration.INDEXING_LANE)
	void on(ProfileDescribed event) throws IOException {
		handle(event);
	}

	public void handle(DomainEvent event) throws IOException {
		MemberId member = switch (event) {
			case MemberRegistered e -> e.memberId();
			case MemberEmailConfirmed e -> e.memberId();
			case ProfileDescribed e -> e.memberId();
			default -> throw new IllegalArgumentException("Not an event for the members index: " + event);
		};
		List<BulkOperation> operations = members.snapshots(List.of(member))
			.stream()
			.map(MemberIndexer::operationFor)
			.toList();
		if (!operations.isEmpty()) {
			index.write(operations);
		}
	}

	public static BulkOperation operationFor(MemberSnapshot member) {
		return MemberIndex.operation(member);
	}
}
