package com.forum.web.pages;

import jakarta.validation.constraints.NotNull;

/** An item's price, stock and whether it is on offer, as the admin shop page edits them. */
public class ItemChangeForm {

	@NotNull(message = "{shop.form.price.required}")
	private Integer price;

	@NotNull(message = "{shop.form.stock.required}")
	private Integer stock;

	private boolean active;

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

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}
}
