package com.forum.web.pages;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A launch as an employee writes it on the page: the opening in their own time zone, the validity in
 * hours, and the priority windows as rows of a level and how many hours before the opening it starts.
 * Empty rows are left out; the domain checks the rest ({@code Launch.check}).
 */
public class LaunchForm {

	/** Rows the form offers beyond the windows a launch already has. */
	static final int SPARE_ROWS = 2;

	@NotBlank(message = "{launches.form.product.required}")
	@Size(max = 120, message = "{launches.form.product.size}")
	private String product = "";

	@NotNull(message = "{launches.form.slots.required}")
	private Integer slots;

	@NotBlank(message = "{launches.form.opens-at.required}")
	private String opensAt = "";

	private Integer pointsPrice;

	/** Hours a reservation waits for the store; empty for the configured default. */
	private Integer validity;

	private boolean draft;

	private List<WindowRow> windows = new ArrayList<>();

	public String getProduct() {
		return product;
	}

	public void setProduct(String product) {
		this.product = product;
	}

	public Integer getSlots() {
		return slots;
	}

	public void setSlots(Integer slots) {
		this.slots = slots;
	}

	public String getOpensAt() {
		return opensAt;
	}

	public void setOpensAt(String opensAt) {
		this.opensAt = opensAt;
	}

	public Integer getPointsPrice() {
		return pointsPrice;
	}

	public void setPointsPrice(Integer pointsPrice) {
		this.pointsPrice = pointsPrice;
	}

	public Integer getValidity() {
		return validity;
	}

	public void setValidity(Integer validity) {
		this.validity = validity;
	}

	public boolean isDraft() {
		return draft;
	}

	public void setDraft(boolean draft) {
		this.draft = draft;
	}

	public List<WindowRow> getWindows() {
		return windows;
	}

	public void setWindows(List<WindowRow> windows) {
		this.windows = windows;
	}

	/** Pads the rows so the employee can add windows without JavaScript. */
	LaunchForm withSpareRows(int maxWindows) {
		windows.removeIf(WindowRow::blank);
		for (int i = 0; i < SPARE_ROWS && windows.size() < maxWindows; i++) {
			windows.add(new WindowRow());
		}
		return this;
	}

	/** A priority window as a row of the form. */
	public static class WindowRow {

		private Integer minLevel;

		private Integer hoursBefore;

		public WindowRow() {
		}

		WindowRow(int minLevel, long hoursBefore) {
			this.minLevel = minLevel;
			this.hoursBefore = (int) hoursBefore;
		}

		public Integer getMinLevel() {
			return minLevel;
		}

		public void setMinLevel(Integer minLevel) {
			this.minLevel = minLevel;
		}

		public Integer getHoursBefore() {
			return hoursBefore;
		}

		public void setHoursBefore(Integer hoursBefore) {
			this.hoursBefore = hoursBefore;
		}

		boolean blank() {
			return minLevel == null && hoursBefore == null;
		}
	}
}
