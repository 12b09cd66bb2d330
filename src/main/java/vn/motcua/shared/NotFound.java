package vn.motcua.shared;

/**
 * The thing does not exist, or exists outside the caller's scope: both answer
 * 404 so that nobody learns of a record in another unit.
 */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " not found");
    }
}
