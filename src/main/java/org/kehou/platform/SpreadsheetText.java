package org.kehou.platform;

/**
 * Text written into a spreadsheet a school downloads: a value beginning with {@code = + - @} (or a tab or carriage
 * return) is prefixed with an apostrophe, so that no spreadsheet program reads a name a family or a school typed as a
 * formula (formula injection). Every export of the application writes its text cells through it.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    public static String neutralise(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
