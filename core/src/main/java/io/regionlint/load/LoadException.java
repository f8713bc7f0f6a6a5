package io.regionlint.load;

/** Thrown inside the load stage; the loader turns it into an {@link InputError}. */
final class LoadException extends Exception {

    private final transient InputError error;

    LoadException(InputError error) {
        super(error.message());
        this.error = error;
    }

    InputError error() {
        return error;
    }
}
