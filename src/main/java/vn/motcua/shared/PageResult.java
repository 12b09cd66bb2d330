package vn.motcua.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a search: the items, the page asked for and the total count. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public <R> PageResult<R> map(Function<T, R> f) {
        return new PageResult<>(items.stream().map(f).toList(), page, size, total);
    }

    /** Clamps client paging to sane bounds. */
    public static int clampSize(Integer size, int dflt, int max) {
        if (size == null || size <= 0) {
            return dflt;
        }
        return Math.min(size, max);
    }
}
