package org.kehou.catalog;

/** The categories of a school's after-school course system (COURSE-1). */
public enum CourseCategory {
    /** 全科阅读 */
    WHOLE_SUBJECT_READING,
    /** 传统文化 */
    TRADITIONAL_CULTURE,
    /** 科学素养 */
    SCIENCE_LITERACY,
    /** 校本课程 */
    SCHOOL_BASED,
    /** 学科素养 */
    SUBJECT_LITERACY;

    public String messageKey() {
        return "course.category." + name();
    }
}
