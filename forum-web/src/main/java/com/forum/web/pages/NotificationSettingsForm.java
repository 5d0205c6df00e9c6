package com.forum.web.pages;

import java.util.LinkedHashMap;
import java.util.Map;

import com.forum.notification.NotificationChannel;
import com.forum.notification.NotificationKind;

/** Where each kind of notification goes, as the profile page's form sends it: a kind's id to a channel's id. */
public class NotificationSettingsForm {

	private Map<String, String> channels = new LinkedHashMap<>();

	public NotificationSettingsForm() {
	}

	static NotificationSettingsForm of(Map<NotificationKind, NotificationChannel> chosen) {
		NotificationSettingsForm form = new NotificationSettingsForm();
		chosen.forEach((kind, channel) -> form.channels.put(kind.id(), channel.id()));
		return form;
	}

	public Map<String, String> getChannels() {
		return channels;
	}

	public void setChannels(Map<String, String> channels) {
		this.channels = channels == null ? new LinkedHashMap<>() : channels;
	}
}
