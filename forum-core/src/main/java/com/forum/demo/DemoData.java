package com.forum.demo;

import java.util.List;
import java.util.Set;

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
import com.forum.petition.PetitionDraft;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionStatus;
import com.forum.petition.PetitionSubmission;
import com.forum.petition.PetitionTriage;
import com.forum.petition.PetitionVoting;
import com.forum.petition.ReleaseId;
import com.forum.petition.ReleasePlanning;
import com.forum.petition.StatusChange;
import com.forum.points.PointsAdjustments;
import com.forum.points.PointsShop;
import com.forum.points.ShopItemDraft;
import com.forum.points.ShopItemKind;
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

	private final PetitionSubmission petitions;

	private final PetitionVoting voting;

	private final PetitionTriage triage;

	private final ReleasePlanning releases;

	private final PointsShop shop;

	private final PointsAdjustments adjustments;

	DemoData(DemoDataProperties properties, MemberRegistration registration, MemberDirectory members,
			BoardCatalog boards, Discussions discussions, PetitionSubmission petitions, PetitionVoting voting,
			PetitionTriage triage, ReleasePlanning releases, PointsShop shop, PointsAdjustments adjustments) {
		this.shop = shop;
		this.adjustments = adjustments;
		this.petitions = petitions;
		this.voting = voting;
		this.triage = triage;
		this.releases = releases;
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
		// no member posts more than the posting-burst rule allows within a minute (forum.trust.burst: 5)
		discussions.reply(moderator, welcome, "The telephoto camera is *amazing* at night.", null);
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
		loadPetitions(employee, fan, helper, phone, os);
		loadShop(admin, fan);
		log.info("Loaded demo data: 5 members, 4 boards, 4 threads, 5 petitions, 1 release, 3 shop items");
	}

	private void loadPetitions(Actor employee, Actor fan, Actor helper, BoardId phone, BoardId os) {
		PetitionId darkMode = petitions.submit(fan, new PetitionDraft(os, "Schedule dark mode by sunset",
				"Switch to dark mode at **sunset** and back at sunrise, by location.", "Xiaomi 17", "OS2.0.208",
				Set.of("display", "dark-mode")));
		PetitionId battery = petitions.submit(helper, new PetitionDraft(os, "Show battery health percentage",
				"Show the battery's remaining capacity in Settings > Battery.", "Xiaomi 17", null, Set.of("battery")));
		PetitionId clock = petitions.submit(fan, new PetitionDraft(phone, "希望增加锁屏双时钟",
				"出差时希望锁屏同时显示两个城市的时间。", null, null, Set.of("lock-screen")));
		PetitionId notch = petitions.submit(helper, new PetitionDraft(phone, "Option to hide the camera cutout",
				"A black bar at the top to hide the punch hole.", null, null, Set.of("display")));
		petitions.submit(fan, new PetitionDraft(os, "Per-app volume control",
				"Set a different volume for each app.", null, null, Set.of("audio")));
		voting.vote(helper, darkMode, "Xiaomi 17");
		voting.vote(fan, battery, "Xiaomi 17");
		triage.changeStatus(employee, darkMode, new StatusChange(PetitionStatus.PLANNED,
				"Planned for the next HyperOS build.", null, null));
		triage.changeStatus(employee, battery, new StatusChange(PetitionStatus.UNDER_REVIEW, null, null, null));
		triage.addNote(employee, battery, "Needs the battery team's estimate of capacity accuracy.");
		triage.changeStatus(employee, notch, new StatusChange(PetitionStatus.DECLINED,
				"The cutout is part of the design; a wallpaper can hide it.", null, null));
		triage.respond(employee, clock, "好建议，我们正在评估。");
		ReleaseId release = releases.create(employee, "OS2.0.300", null, "Weekly build.");
		triage.changeStatus(employee, darkMode, new StatusChange(PetitionStatus.SHIPPED, "Shipped in OS2.0.300.",
				release, null));
	}

	/** A points shop with a coupon and a strap handed out as codes, stickers staff post, and points to try it. */
	private void loadShop(Actor admin, Actor fan) {
		long coupon = shop.create(admin, new ShopItemDraft("5% off coupon for the Xiaomi Store", "小米商城 95 折优惠券",
				"Five percent off one order in the Xiaomi Store, phones included.", "小米商城单笔订单享 95 折，手机也可用。",
				ShopItemKind.COUPON, 500, 0, 1, true));
		shop.loadCodes(admin, coupon, List.of("MI95-DEMO-7K2Q", "MI95-DEMO-4XRM", "MI95-DEMO-9PLD", "MI95-DEMO-2VWT",
				"MI95-DEMO-6HNC"));
		long strap = shop.create(admin, new ShopItemDraft("Mi Band strap code", "小米手环腕带兑换码",
				"A code for one Mi Band strap, in the colour you choose.", "可兑换一条小米手环腕带，颜色任选。",
				ShopItemKind.MERCHANDISE, 1200, 0, null, true));
		shop.loadCodes(admin, strap, List.of("BAND-DEMO-31F8", "BAND-DEMO-77AC", "BAND-DEMO-05DE"));
		shop.create(admin, new ShopItemDraft("Forum sticker pack", "社区贴纸包",
				"Six stickers of the forum's mascots, posted to you.", "六张社区吉祥物贴纸，邮寄到家。", ShopItemKind.MERCHANDISE,
				200, 50, null, true));
		adjustments.adjust(admin, fan.id(), 800, "Welcome to the points shop", "demo-welcome");
	}

	private Actor member(String name, Role role) {
		MemberId id = registration.register(name, name + "@forum.example", name + "-demo-2026", role);
		return new Actor(id, role);
	}
}
