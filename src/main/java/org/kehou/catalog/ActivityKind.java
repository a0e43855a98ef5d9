package org.kehou.catalog;

/** The enrichment kinds of slot 2 (CONTENT-6). */
public enum ActivityKind {
    /** 科普 */
    SCIENCE_POPULARISATION,
    /** 文体 */
    CULTURE_AND_SPORTS,
    /** 艺术 */
    ARTS,
    /** 劳动 */
    LABOUR,
    /** 阅读 */
    READING,
    /** 兴趣小组 */
    INTEREST_GROUP,
    /** 社团 */
    CLUB;

    public String messageKey() {
        return "course.activity." + name();
    }
}
