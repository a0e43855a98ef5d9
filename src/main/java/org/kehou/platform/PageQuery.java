package org.kehou.platform;

import java.util.Map;

/**
 * A page of a list: number, size, and a sort key checked against the list's allow-list so that no request
 * text ever reaches the SQL.
 *
 * @param page zero-based page number
 * @param size rows per page (1–100)
 * @param sort a key of the allow-list
 * @param descending sort direction
 * @param search free text, matched as a bound parameter
 */
public record PageQuery(int page, int size, String sort, boolean descending, String search) {

    public static final int MAX_SIZE = 100;

    public PageQuery {
        page = Math.max(page, 0);
        sort = sort == null ? "" : sort;
        size = size < 1 ? 20 : Math.min(size, MAX_SIZE);
        search = search == null ? "" : search.strip();
        if (search.length() > 50) {
            search = search.substring(0, 50);
        }
    }

    public long offset() {
        return (long) page * size;
    }

    /**
     * The {@code order by} clause for this query: the column of the allow-listed key, or of the default key when
     * the requested one is not on the list.
     */
    public String orderBy(Map<String, String> allowed, String defaultKey) {
        String column = allowed.getOrDefault(sort, allowed.get(defaultKey));
        return column + (descending ? " desc" : " asc");
    }

    /** The search text as a {@code like} pattern with its wildcards escaped. */
    public String likePattern() {
        return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
