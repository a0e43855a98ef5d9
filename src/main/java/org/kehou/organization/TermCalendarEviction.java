package org.kehou.organization;

import org.springframework.data.relational.core.mapping.event.AbstractRelationalEventListener;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Drops the school's term calendars kept by {@link TermDirectory} whenever a term is saved here, whichever service
 * saves it: planned, a day marked, dates changed (ADR 0020).
 */
@Component
class TermCalendarEviction extends AbstractRelationalEventListener<Term> {

    private final TermDirectory directory;

    TermCalendarEviction(TermDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected void onAfterSave(AfterSaveEvent<Term> event) {
        directory.evictCalendars(event.getEntity().schoolId());
    }
}
