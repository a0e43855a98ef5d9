package org.kehou.enrollment;

/** How a waiting list moves (ENROL-2): automatically, the first in line takes a seat the moment it frees. */
public enum Promotion {
    AUTOMATIC
}
