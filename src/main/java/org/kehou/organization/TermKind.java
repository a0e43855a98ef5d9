package org.kehou.organization;

/** The two terms of a school year (ORG-2): autumn 上学期 (Sept–Jan) and spring 下学期 (Feb–Jul). */
public enum TermKind {
    AUTUMN,
    SPRING;

    public String messageKey() {
        return "term." + name();
    }
}
