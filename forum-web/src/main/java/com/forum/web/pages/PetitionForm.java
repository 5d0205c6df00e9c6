package com.forum.web.pages;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a member types to suggest something. Tags come as one comma-separated line. */
public class PetitionForm {

	@NotNull(message = "{petitions.form.board.required}")
	private Long boardId;

	@NotBlank(message = "{petitions.form.title.required}")
	@Size(min = 5, max = 150, message = "{petitions.form.title.size}")
	private String title = "";

	@NotBlank(message = "{petitions.form.description.required}")
	@Size(max = 20_000, message = "{petitions.form.description.size}")
	private String description = "";

	@Size(max = 60, message = "{petitions.form.device.size}")
	private String deviceModel = "";

	@Size(max = 60, message = "{petitions.form.firmware.size}")
	private String firmwareVersion = "";

	@Size(max = 200, message = "{petitions.form.tags.size}")
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
