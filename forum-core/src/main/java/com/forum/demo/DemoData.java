package com.forum.demo;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardId;
import com.forum.board.BoardKind;
import com.forum.discussion.Discussions;
import com.forum.discussion.ReplyId;
import com.forum.discussion.TopicId;
import com.forum.member.Actor;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.member.MemberRegistration;
import com.forum.member.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty installation with something to look at. The accounts and their passwords are
 * listed in the README; they exist only where demo data is switched on.
 */
@Component
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DemoDataProperties properties;

	private final MemberRegistration registration;

	private final MemberDirectory members;

	private final BoardCatalog boards;

	private final Discussions discussions;

	DemoData(DemoDataProperties properties, MemberRegistration registration, MemberDirectory members,
			BoardCatalog boards, Discussions discussions) {
		this.properties = properties;
		this.registration = registration;
		this.members = members;
		this.boards = boards;
		this.discussions = discussions;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void loadOnFirstStart() {
		if (!properties.enabled() || members.count() > 0) {
			return;
		}
		Actor admin = member("admin", Role.ADMIN);
		Actor moderator = member("moderator", Role.MODERATOR);
		Actor employee = member("employee", Role.EMPLOYEE);
		Actor fan = member("mifan", Role.MEMBER);
		Actor helper = member("helper", Role.MEMBER);

		BoardId phone = boards.create("xiaomi-17", "Xiaomi 17", "The flagship phone: camera, battery, design.",
				BoardKind.DISCUSSION);
		BoardId os = boards.create("hyperos", "HyperOS", "The phone OS: features, builds and changelogs.",
				BoardKind.DISCUSSION);
		boards.create("smart-home", "Smart home", "Lights, cameras, vacuums and the home app.", BoardKind.DISCUSSION);
		BoardId support = boards.create("support", "Service and support",
				"Ask the community; the asker accepts the answer that helped.", BoardKind.SUPPORT);

		TopicId welcome = discussions.startTopic(admin, phone, "Welcome to the Xiaomi 17 board",
				"Share your **first impressions**, photos and tips here.\n\nPlease keep it friendly.");
		discussions.pin(moderator, welcome, true);
		discussions.reply(fan, welcome, "The telephoto camera is *amazing* at night.", null);
		TopicId battery = discussions.startTopic(fan, os, "Battery drain after the latest HyperOS build",
				"Since the update my phone loses 10% overnight. Anyone else?\n\n- Model: Xiaomi 17\n- Build: OS2.0.208");
		ReplyId tip = discussions.reply(helper, battery, "Check *Settings > Battery > App battery saver*; "
				+ "a sync app was keeping mine awake.", null);
		discussions.like(fan, battery, tip);
		TopicId question = discussions.startTopic(fan, support, "How do I move my data to a new phone?",
				"I bought a Xiaomi 17 and want to keep my chats and photos. What is the safest way?");
		ReplyId answer = discussions.reply(helper, question,
				"Use **Mi Mover** on both phones: it copies apps, chats and photos over Wi-Fi.", null);
		discussions.reply(employee, question, "Official tip: keep both phones charging during the transfer.", answer);
		discussions.acceptAnswer(fan, question, answer);
		discussions.startTopic(helper, os, "小米澎湃OS 相机夜景模式体验", "夜景模式比上一代**更清晰**，噪点明显减少。");
		log.info("Loaded demo data: 5 members, 4 boards, 4 threads");
	}

	private Actor member(String name, Role role) {
		MemberId id = registration.register(name, name + "@forum.example", name + "-demo-2026", role);
		return new Actor(id, role);
	}
}
