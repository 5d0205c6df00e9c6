package com.forum.points;

/** What an admin changes on an item; null leaves a value as it is. */
public record ShopItemChange(Integer price, Integer stock, Boolean active) {
}
