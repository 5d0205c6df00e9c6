package com.forum.search.analysis;

import java.util.List;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/** The settings of a {@code forum_synonym_graph} filter in the index settings. */
@AnalysisSettings
public interface SynonymSettings {

	/**
	 * Rules in Solr's format, one a list entry: {@code a, b, c} for words that mean the same, {@code a => b}
	 * for one way; lines starting with {@code #} are ignored. The forum inlines {@code config/search/synonyms.txt}.
	 */
	@ListSetting(path = "rules")
	List<String> rules();
}
