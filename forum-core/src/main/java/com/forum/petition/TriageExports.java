package com.forum.petition;

import java.time.Clock;

import com.forum.member.Actor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports of the triage queue leave the forum with its data, so each one is a fact the audit log
 * keeps: who, how many rows, which filter.
 */
@Service
public class TriageExports {

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TriageExports(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void exported(Actor actor, int rows, String filter) {
		events.publishEvent(new PetitionsExported(actor.id(), rows, filter, clock.instant()));
	}
}
