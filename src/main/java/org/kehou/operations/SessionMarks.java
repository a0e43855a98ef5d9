package org.kehou.operations;

/** Reads a session mark from text, refusing an unknown one with the value it was given. */
final class SessionMarks {

    private SessionMarks() {}

    static <E extends Enum<E>> E parse(Class<E> type, String value, String unknownKey) {
        String wanted = AttendanceMark.normalised(value);
        for (E mark : type.getEnumConstants()) {
            if (mark.name().equals(wanted)) {
                return mark;
            }
        }
        throw AttendanceMark.unknown(unknownKey, value);
    }
}
