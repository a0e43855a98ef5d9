package org.kehou.platform.web;

/** One handler renders a whole page or, for an htmx request, only the page's own fragment. */
public final class Htmx {

    public static final String HEADER = "HX-Request";

    /** The response header that makes htmx raise events on the page. */
    public static final String TRIGGER = "HX-Trigger";

    private Htmx() {}

    /** The view for the request: {@code view} for a page load, {@code view :: fragment} for htmx. */
    public static String view(@org.jspecify.annotations.Nullable String hxRequest, String view, String fragment) {
        return "true".equals(hxRequest) ? view + " :: " + fragment : view;
    }
}
