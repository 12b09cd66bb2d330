package vn.motcua.shared;

/**
 * Offset paging as clients ask for it (pages count from 0), checked once for
 * every list: a page outside [0, {@value #MAX_PAGE}] or a size outside
 * [1, max] is refused with {@link InvalidParameter} (400, naming the field)
 * instead of reaching the database as a negative or overflowed offset. The
 * offset is a {@code long}, so no page and size can overflow it.
 */
public record Paging(int page, int size) {

    /** The last page anyone may ask for; deeper offsets are a crawl, not a search. */
    public static final int MAX_PAGE = 100_000;

    /** Checks the client's page and size; {@code maxSize} is the list's own bound. */
    public static Paging of(int page, int size, int maxSize) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidParameter("page", "validation.page.range", String.valueOf(MAX_PAGE));
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidParameter("size", "validation.size.range", String.valueOf(maxSize));
        }
        return new Paging(page, size);
    }

    /** Rows to skip: {@code page × size}, never overflowing. */
    public long offset() {
        return (long) page * size;
    }
}
