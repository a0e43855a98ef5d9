package org.kehou.platform.web;

import org.kehou.platform.PageQuery;

/**
 * The query parameters every list page takes: {@code page}, {@code sort}, {@code desc} and the search text
 * {@code q}. Bound leniently: a page number that is not a number means the first page, never an error.
 */
public class ListParams {

    private int page;
    private String sort = "";
    private boolean desc;
    private String q = "";

    public void setPage(String page) {
        try {
            this.page = Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            this.page = 0;
        }
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public void setDesc(String desc) {
        this.desc = Boolean.parseBoolean(desc.strip());
    }

    public void setQ(String q) {
        this.q = q;
    }

    /** The page query of this request with the given page size. */
    public PageQuery query(int size) {
        return new PageQuery(page, size, sort, desc, q);
    }
}
