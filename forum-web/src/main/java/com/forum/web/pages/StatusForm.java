package com.forum.web.pages;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import com.forum.petition.PetitionId;
import com.forum.petition.PetitionStatus;
import com.forum.petition.ReleaseId;
import com.forum.petition.StatusChange;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * An employee's decision: the new status with its official response, the release for shipping, the
 * original for a duplicate. The bulk form on the triage page also names the petitions.
 */
public class StatusForm implements Serializable {

	private static final long serialVersionUID = 1L;

	@NotNull(message = "{triage.form.status.required}")
	private PetitionStatus status;

	@Size(max = 10_000, message = "{triage.form.response.size}")
	private String response = "";

	private Long releaseId;

	@Positive(message = "{triage.form.original.positive}")
	private Long duplicateOfId;

	private List<Long> petitionIds = new ArrayList<>();

	/** The filters of the triage page the bulk form was sent from, to return to them. */
	private String query = "";

	StatusChange change() {
		return new StatusChange(status, response == null || response.isBlank() ? null : response,
				status == PetitionStatus.SHIPPED && releaseId != null ? new ReleaseId(releaseId) : null,
				status == PetitionStatus.DUPLICATE && duplicateOfId != null ? new PetitionId(duplicateOfId) : null);
	}

	public PetitionStatus getStatus() {
		return status;
	}

	public void setStatus(PetitionStatus status) {
		this.status = status;
	}

	public String getResponse() {
		return response;
	}

	public void setResponse(String response) {
		this.response = response;
	}

	public Long getReleaseId() {
		return releaseId;
	}

	public void setReleaseId(Long releaseId) {
		this.releaseId = releaseId;
	}

	public Long getDuplicateOfId() {
		return duplicateOfId;
	}

	public void setDuplicateOfId(Long duplicateOfId) {
		this.duplicateOfId = duplicateOfId;
	}

	public List<Long> getPetitionIds() {
		return petitionIds;
	}

	public void setPetitionIds(List<Long> petitionIds) {
		this.petitionIds = petitionIds;
	}

	public String getQuery() {
		return query;
	}

	public void setQuery(String query) {
		this.query = query;
	}
}
