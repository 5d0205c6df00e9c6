package com.forum.petition;

/** How many backers said the petition affects this device ("affects me too"). */
public record DeviceCount(String deviceModel, long backers) {
}
