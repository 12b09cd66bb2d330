package vn.motcua.catalog.web;

import java.util.List;

/**
 * The small arithmetic of forms whose rows are added and removed by
 * re-rendering the page ({@code op=removeItem:before:2}): indexes from the
 * request, checked before they touch a list.
 */
final class FormRows {

    private FormRows() {
    }

    /** The index in an op's part, or -1 when it is not a number. */
    static int index(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static boolean inRange(List<?> list, int i) {
        return i >= 0 && i < list.size();
    }

    static void remove(List<?> list, int i) {
        if (inRange(list, i)) {
            list.remove(i);
        }
    }
}
