package com.forum.search;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How similar-petition detection decides.
 *
 * @param threshold the lowest score (0 to 1, see {@link SimilarPetitions}) of a petition offered as
 *     similar; the quality set's pairs measure it (precision and recall)
 * @param candidates how many petitions Elasticsearch proposes, best matching first, to be scored
 */
@Validated
@ConfigurationProperties("forum.search.similar-petitions")
public record SimilarPetitionsProperties(
		@DefaultValue("0.55") @DecimalMin("0.0") @DecimalMax("1.0") double threshold,
		@DefaultValue("20") @Positive @Max(100) int candidates) {
}
