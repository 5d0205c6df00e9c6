package com.forum.web.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new item of the points shop, as an admin fills it in: both titles, a kind, and the price, stock
 * and offer an item's own form edits later. A new item is on offer unless the admin says otherwise.
 */
public class ItemForm extends ItemChangeForm {

	@NotBlank(message = "{shop.form.title-en.required}")
	@Size(max = 120, message = "{shop.form.title.size}")
	private String titleEn = "";

	@NotBlank(message = "{shop.form.title-zh.required}")
	@Size(max = 120, message = "{shop.form.title.size}")
	private String titleZh = "";

	@Size(max = 2000, message = "{shop.form.description.size}")
	private String descriptionEn = "";

	@Size(max = 2000, message = "{shop.form.description.size}")
	private String descriptionZh = "";

	private String kind = "COUPON";

	private Integer perMemberLimit;

	public ItemForm() {
		setActive(true);
	}

	public String getTitleEn() {
		return titleEn;
	}

	public void setTitleEn(String titleEn) {
		this.titleEn = titleEn;
	}

	public String getTitleZh() {
		return titleZh;
	}

	public void setTitleZh(String titleZh) {
		this.titleZh = titleZh;
	}

	public String getDescriptionEn() {
		return descriptionEn;
	}

	public void setDescriptionEn(String descriptionEn) {
		this.descriptionEn = descriptionEn;
	}

	public String getDescriptionZh() {
		return descriptionZh;
	}

	public void setDescriptionZh(String descriptionZh) {
		this.descriptionZh = descriptionZh;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public Integer getPerMemberLimit() {
		return perMemberLimit;
	}

	public void setPerMemberLimit(Integer perMemberLimit) {
		this.perMemberLimit = perMemberLimit;
	}
}
