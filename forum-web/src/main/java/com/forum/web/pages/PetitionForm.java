package com.forum.web.pages;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a member types to suggest something. Tags come as one comma-separated line. */
public class PetitionForm {

	@NotNull(message = "Please choose the product area.")
	private Long boardId;

	@NotBlank(message = "Please give your suggestion a title.")
	@Size(min = 5, max = 150, message = "The title must be 5 to 150 characters.")
	private String title = "";

	@NotBlank(message = "Please describe what you would like and why.")
	@Size(max = 20_000, message = "The description must be at most 20,000 characters.")
	private String description = "";

	@Size(max = 60, message = "The device model must be at most 60 characters.")
	private String deviceModel = "";

	@Size(max = 60, message = "The firmware version must be at most 60 characters.")
	private String firmwareVersion = "";

	@Size(max = 200, message = "Please keep the tags short.")
	private String tags = "";

	/** The tags as a set: split at commas (also the full-width one), blanks dropped. */
	Set<String> tagSet() {
		Set<String> set = new LinkedHashSet<>();
		Arrays.stream(tags == null ? new String[0] : tags.split("[,，、]"))
			.map(String::strip)
			.filter(t -> !t.isEmpty())
			.forEach(set::add);
		return set;
	}

	public Long getBoardId() {
		return boardId;
	}

	public void setBoardId(Long boardId) {
		this.boardId = boardId;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getDeviceModel() {
		return deviceModel;
	}

	public void setDeviceModel(String deviceModel) {
		this.deviceModel = deviceModel;
	}

	public String getFirmwareVersion() {
		return firmwareVersion;
	}

	public void setFirmwareVersion(String firmwareVersion) {
		this.firmwareVersion = firmwareVersion;
	}

	public String getTags() {
		return tags;
	}

	public void setTags(String tags) {
		this.tags = tags;
	}
}
