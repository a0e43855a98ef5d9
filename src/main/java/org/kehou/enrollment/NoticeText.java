package org.kehou.enrollment;

/**
 * A text a family is told in a notification (a reason, a course name), with control characters replaced by spaces:
 * they mean nothing in a message and one of them separates the arguments where notifications are stored.
 */
final class NoticeText {

    private NoticeText() {}

    static String of(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return shown.toString().strip();
    }
}
