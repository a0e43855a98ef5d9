package org.kehou.operations;

/** What an entry of a session records: the roll call (OPS-1) or the homework completion (CONTENT-5). */
public enum SessionKind {
    ROLL_CALL,
    HOMEWORK
}
