package org.kehou.platform;

/** Thrown when an id does not exist or lies outside the signed-in user's scope; always answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
