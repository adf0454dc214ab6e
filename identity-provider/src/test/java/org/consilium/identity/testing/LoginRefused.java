package org.consilium.identity.testing;

/** The provider would not issue a token: wrong password, unknown client, a flow that went somewhere unexpected. */
public class LoginRefused extends RuntimeException {

    public LoginRefused(String message) {
        super(message);
    }
}
