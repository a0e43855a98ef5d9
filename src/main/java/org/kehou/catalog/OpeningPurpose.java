package org.kehou.catalog;

/** What a non-school-day opening offers (SCOPE-3): supervised care (看护) or enrichment (素质拓展). */
public enum OpeningPurpose {
    CARE,
    ENRICHMENT;

    public String messageKey() {
        return "opening.purpose." + name();
    }
}
