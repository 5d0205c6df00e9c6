package com.forum.points;

/**
 * Codes loaded for an item.
 *
 * @param loaded new codes, each adding a unit of stock
 * @param duplicates codes the item had already, left out
 * @param stock the item's stock now
 */
public record CodesLoaded(int loaded, int duplicates, int stock) {
}
