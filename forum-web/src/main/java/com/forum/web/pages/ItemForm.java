package com.forum.web.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new item of the points shop, as an admin fills it in: both titles, a kind, a price and the stock. */
public class ItemForm {

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

	@NotNull(message = "{shop.form.price.required}")
	private Integer price;

	@NotNull(message = "{shop.form.stock.required}")
	private Integer stock;

	private Integer perMemberLimit;

	private boolean active = true;

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

	public Integer getPrice() {
		return price;
	}

	public void setPrice(Integer price) {
		this.price = price;
	}

	public Integer getStock() {
		return stock;
	}

	public void setStock(Integer stock) {
		this.stock = stock;
	}

	public Integer getPerMemberLimit() {
		return perMemberLimit;
	}

	public void setPerMemberLimit(Integer perMemberLimit) {
		this.perMemberLimit = perMemberLimit;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}
}
