package io.zrefresh.cli;

/** A bad flag or value found after parsing (pairing of flags, an invalid spec or query): exit 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
