package com.forum.notification.internal;

import java.time.Clock;
import java.util.Locale;

import com.forum.member.LanguageProperties;
import com.forum.notification.Message;
import com.forum.notification.NotificationKind;
import com.forum.petition.PetitionDetails;
import com.forum.petition.PetitionFilter;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionOrder;
import com.forum.petition.PetitionQueries;
import com.forum.petition.PetitionResponded;
import com.forum.petition.PetitionStatus;
import com.forum.petition.PetitionStatusChanged;
import com.forum.petition.PetitionSummary;
import com.forum.petition.ReleasePlanning;
import com.forum.petition.ReleasePublished;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a petition's author, voters and followers of every status change, official response and
 * release, except the one who acted and those who muted it; a shipment is told once, by the
 * publication of the release that ships it. Each notification has a key unique per recipient, so a
 * redelivered event (after a crash between writing and acknowledging) adds nothing; the e-mails are
 * written in the same transaction as the notifications they copy, together with the event that has
 * them sent.
 */
@Component
class PetitionNotifier {

	private final PetitionQueries petitions;

	private final ReleasePlanning releases;

	private final NamedParameterJdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final MessageSource messages;

	private final LanguageProperties languages;

	PetitionNotifier(PetitionQueries petitions, ReleasePlanning releases, NamedParameterJdbcTemplate jdbc,
			ApplicationEventPublisher events, Clock clock, MessageSource messages, LanguageProperties languages) {
		this.messages = messages;
		this.languages = languages;
		this.petitions = petitions;
		this.releases = releases;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(PetitionStatusChanged e) {
		if (e.to() == PetitionStatus.SHIPPED) {
			return; // a petition ships as its release is published, and the publication tells them
		}
		PetitionDetails p = petitions.details(e.petitionId());
		Message content = Message.content(text(e.response()));
		notify(p.id(), e.actorId().value(), NotificationKind.PETITION_STATUS,
				new Message("notification.petition-status." + e.to().name(), p.title()), content,
				"status:" + e.eventId());
		if (e.to() == PetitionStatus.DUPLICATE && p.duplicateOf() != null) {
			// the duplicate's backers now back the original, so they are found there; the same key
			// keeps anyone found on both sides to one notification
			PetitionDetails original = petitions.details(p.duplicateOf());
			notify(original.id(), e.actorId().value(), NotificationKind.PETITION_STATUS,
					new Message("notification.petition-merged", p.title(), original.title()), content,
					"status:" + e.eventId());
		}
	}

	@ApplicationModuleListener
	void on(PetitionResponded e) {
		PetitionDetails p = petitions.details(e.petitionId());
		notify(p.id(), e.actorId().value(), NotificationKind.PETITION_RESPONSE, new Message("notification.petition-response", p.title()),
				Message.content(e.response()), "response:" + e.eventId());
	}

	@ApplicationModuleListener
	void on(ReleasePublished e) {
		String version = releases.summary(e.releaseId()).version();
		for (PetitionSummary p : petitions.list(PetitionFilter.any().withRelease(e.releaseId()), PetitionOrder.TOP, 0,
				1_000)) {
			notify(p.id(), e.actorId().value(), NotificationKind.RELEASE_PUBLISHED,
					new Message("notification.release-published", p.title(), version),
					new Message("notification.release-published.body", p.title(), version),
					"release:" + e.releaseId() + ":" + p.id());
		}
	}

	/**
	 * Notifies the petition's audience, except members who turned the kind off; those who chose the centre
	 * alone get no e-mail. The notification keeps its message key and arguments, so the centre shows it in
	 * whatever language its reader reads then; each e-mail is written once, in its recipient's language.
	 */
	private void notify(PetitionId petition, long actor, NotificationKind kind, Message title, Message body,
			String key) {
		Locale fallback = languages.fallback();
		String link = "/petitions/" + petition;
		MapSqlParameterSource params = NotificationColumns
			.of(kind.id(), title, body, link, key, clock.instant(), messages, fallback)
			.addValue("petition", petition.value())
			.addValue("actor", actor)
			.addValue("defaultChannel", kind.defaultChannel().name());
		jdbc.update("""
				insert into notification (recipient_id, kind, title, body, message_key, message_args, body_key, link,
				                          dedupe_key, created_at)
				select audience.member_id, :kind, :title, :body, :messageKey, :messageArgs, :bodyKey, :link, :key, :now from (
				    select author_id as member_id from petition where id = :petition
				    union select member_id from petition_vote where petition_id = :petition
				    union select member_id from petition_subscription where petition_id = :petition and mode = 'FOLLOW'
				) audience
				where audience.member_id <> :actor
				  and not exists (select 1 from petition_subscription s where s.petition_id = :petition
				                  and s.member_id = audience.member_id and s.mode = 'MUTE')
				  and not exists (select 1 from notification_preference np where np.member_id = audience.member_id
				                  and np.kind = :kind and np.channel = 'OFF')
				on conflict (recipient_id, dedupe_key) do nothing""", params);
		for (Locale language : languages.supported()) {
			String text = body.render(messages, language);
			params.addValue("language", language.toLanguageTag())
				.addValue("fallback", fallback.toLanguageTag())
				.addValue("subject", NotificationColumns.clip(title.render(messages, language)))
				// the link ends the mail on a line of its own, where mail programs make it clickable
				.addValue("mail", (text.isEmpty() ? "" : text + "\n\n") + messages.getMessage("mail.footer", null, language)
						+ "\n\n" + messages.getMessage("mail.open", null, language) + "\n" + link);
			jdbc.update("""
					insert into outgoing_email (recipient_id, address, subject, body, dedupe_key, created_at)
					select n.recipient_id, m.email, :subject, :mail, n.dedupe_key, :now
					from notification n join member m on m.id = n.recipient_id
					left join notification_preference np on np.member_id = n.recipient_id and np.kind = :kind
					where n.dedupe_key = :key and coalesce(m.language, :fallback) = :language
					  and coalesce(np.channel, :defaultChannel) = 'EMAIL'
					on conflict (recipient_id, dedupe_key) do nothing""", params);
		}
		events.publishEvent(new MailQueued(key));
	}

	private static String text(String response) {
		return response == null ? "" : response;
	}

}
